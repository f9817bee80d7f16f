namespace Descent.Sweeps.Files;

/// <summary>How hyperparameter spaces become trials.</summary>
public enum SearchMode
{
    /// <summary>Every combination of the listed values (distributions are not allowed).</summary>
    Grid,

    /// <summary>A number of samples per optimizer entry: distributions sampled, lists chosen from uniformly.</summary>
    Random,

    /// <summary>
    /// A number of samples per optimizer entry from a scrambled Halton sequence (AlgoPerf's design), one dimension per
    /// sampled hyperparameter: distributions and lists cover their range more evenly than random draws.
    /// </summary>
    Quasirandom,
}

/// <summary>The search mode, and for random and quasi-random search the number of samples and their seed.</summary>
public sealed record SearchSection(SearchMode Mode, int Samples, long Seed, SourceLocation Location);
