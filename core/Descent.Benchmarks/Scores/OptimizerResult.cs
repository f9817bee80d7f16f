namespace Descent.Benchmarks.Scores;

/// <summary>One optimizer's scores on one workload, the input to <see cref="RankTable"/>.</summary>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="TimeToTarget">Its time to the workload's target (steps or seconds, one unit per workload), ≥ 0; +∞ when missed.</param>
/// <param name="BestValidation">Its best validation value; NaN when it diverged (ranks last among equal times).</param>
public sealed record OptimizerResult(string Optimizer, double TimeToTarget, double BestValidation);
