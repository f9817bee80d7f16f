namespace Descent.Benchmarks.Scores;

/// <summary>The optimizers' scores on one workload, the input to <see cref="RankTable"/>.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Goal">Which way its validation metric improves (breaks ties on time).</param>
/// <param name="Optimizers">One result per optimizer run on it, names distinct.</param>
public sealed record WorkloadResults(string Workload, Goal Goal, IReadOnlyList<OptimizerResult> Optimizers);
