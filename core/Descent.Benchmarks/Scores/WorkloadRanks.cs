namespace Descent.Benchmarks.Scores;

/// <summary>The ranks of the optimizers on one workload, best first (ties by name).</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Ranks">One rank per optimizer, in rank order, ties in ordinal order of their names.</param>
public sealed record WorkloadRanks(string Workload, IReadOnlyList<OptimizerRank> Ranks);
