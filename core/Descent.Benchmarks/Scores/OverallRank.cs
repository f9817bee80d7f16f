namespace Descent.Benchmarks.Scores;

/// <summary>An optimizer's ranks summarized over the workloads it ran on.</summary>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="MeanRank">The mean of its ranks over the workloads where it appears.</param>
/// <param name="Workloads">How many workloads it appears in (mean ranks over different sets of workloads do not compare).</param>
/// <param name="Wins">How many workloads it won outright (rank 1; a tie for first, rank 1.5 or worse, is no win).</param>
public sealed record OverallRank(string Optimizer, double MeanRank, int Workloads, int Wins);
