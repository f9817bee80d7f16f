using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Scores;

namespace Descent.Benchmarks.Reporting;

/// <summary>Everything a benchmark's report shows, computed from its runs.</summary>
/// <param name="Plan">The benchmark.</param>
/// <param name="Cells">Per workload and optimizer, in plan order.</param>
/// <param name="StepsProfile">The performance profile of the median steps to target (null when no workload has a complete cell for every optimizer).</param>
/// <param name="SecondsProfile">The same on training seconds.</param>
/// <param name="MissingTrials">Trials (tuning and reruns known) without a final run: their studies are left out.</param>
/// <param name="SecondsEstimated">True when some workload records no training clock, so its seconds are the run's wall time scaled by steps.</param>
public sealed record BenchmarkScores(
    BenchmarkPlan Plan,
    IReadOnlyList<CellScore> Cells,
    PerformanceProfile? StepsProfile,
    PerformanceProfile? SecondsProfile,
    int MissingTrials,
    bool SecondsEstimated)
{
    /// <summary>The optimizers' names, in file order.</summary>
    public IReadOnlyList<string> Optimizers => Plan.Cells.Select(c => c.OptimizerName).Distinct().ToArray();

    /// <summary>The workloads' names, in file order.</summary>
    public IReadOnlyList<string> Workloads => Plan.File.Workloads.Select(w => w.Name).ToArray();
}
