namespace Descent.Benchmarks.Files;

/// <summary>How a benchmark tunes every optimizer on every workload (as AlgoPerf's external tuning ruleset and Schmidt et al. 2021).</summary>
/// <param name="Search">How a study draws its configurations from an optimizer's search space.</param>
/// <param name="TrialsPerStudy">The tuning budget: configurations tried per study.</param>
/// <param name="Studies">Independent studies per workload and optimizer (each with its own draws and training seed).</param>
/// <param name="RerunSeeds">Seeds each study's best configuration is trained again with (a seed equal to the study's own runs nothing new).</param>
public sealed record TuningProtocol(BenchmarkSearch Search, int TrialsPerStudy, int Studies, IReadOnlyList<long> RerunSeeds)
{
    /// <summary>
    /// The optimizer (its label, else its id) the others are compared with, seed by seed, in the report
    /// (<c>baseline</c>); null: the first optimizer listed.
    /// </summary>
    public string? Baseline { get; init; }
}
