namespace Descent.Benchmarks.Scores;

/// <summary>An optimizer's rank on one workload: 1 is the best; tied optimizers share the average of their places (1.5).</summary>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="Rank">Its rank, from 1 to the number of optimizers on the workload.</param>
public readonly record struct OptimizerRank(string Optimizer, double Rank);
