namespace Descent.Sweeps.Files;

/// <summary>How hyperparameter spaces become trials.</summary>
public enum SearchMode
{
    /// <summary>Every combination of the listed values (distributions are not allowed).</summary>
    Grid,

    /// <summary>A number of samples per optimizer entry: distributions sampled, lists chosen from uniformly.</summary>
    Random,
}

/// <summary>The search mode, and for random search the number of samples and their seed.</summary>
public sealed record SearchSection(SearchMode Mode, int Samples, long Seed, SourceLocation Location);
