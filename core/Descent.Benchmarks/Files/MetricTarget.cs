namespace Descent.Benchmarks.Files;

/// <summary>A metric to select by and the value that counts as solving the workload.</summary>
/// <param name="Metric">The tracked metric's key, e.g. <c>valid/accuracy</c> or <c>loss</c>.</param>
/// <param name="Maximize">True when larger is better (accuracy), false when smaller is (loss).</param>
/// <param name="Value">The target: reached when the metric is at least (maximize) or at most (minimize) this.</param>
public sealed record MetricTarget(string Metric, bool Maximize, double Value)
{
    /// <summary>True when <paramref name="value"/> reaches the target (NaN never does).</summary>
    public bool IsReachedBy(double value) => Maximize ? value >= Value : value <= Value;

    /// <summary>True when <paramref name="a"/> is better than <paramref name="b"/> (a NaN is worse than any number).</summary>
    public bool IsBetter(double a, double b) => !double.IsNaN(a) && (double.IsNaN(b) || (Maximize ? a > b : a < b));
}
