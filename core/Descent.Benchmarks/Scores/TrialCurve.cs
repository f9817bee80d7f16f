namespace Descent.Benchmarks.Scores;

/// <summary>
/// What the scores need of one tuning trial: the curve of its selection metric (validation) in step order,
/// its best selection value, and its test metric. The test metric is carried for reporting only: no score
/// selects a trial or a configuration by it.
/// </summary>
/// <param name="Points">Evaluations of the selection metric, steps non-decreasing.</param>
/// <param name="BestSelectionValue">The best value of the selection metric over the trial (NaN when it diverged before any).</param>
/// <param name="TestMetric">The final test metric, when the workload has a test split and the trial reached it.</param>
public sealed record TrialCurve(IReadOnlyList<CurvePoint> Points, double BestSelectionValue, double? TestMetric);
