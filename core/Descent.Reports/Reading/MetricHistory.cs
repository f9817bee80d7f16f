namespace Descent.Reports.Reading;

/// <summary>A run's recorded history of one evaluation metric (<c>valid/accuracy</c>, say): at each MLflow step (samples seen), the value.</summary>
/// <param name="Steps">MLflow steps: training samples seen when the evaluation was made.</param>
/// <param name="Values">The metric at each step.</param>
public sealed record MetricHistory(long[] Steps, double[] Values)
{
    /// <summary>No points (the run recorded none, or it did not finish).</summary>
    public static MetricHistory Empty { get; } = new([], []);

    /// <summary>Number of points.</summary>
    public int Count => Steps.Length;

    /// <summary>The last value, or null without points.</summary>
    public double? Final => Count == 0 ? null : Values[^1];

    /// <summary>The largest finite value, or null without one (the best accuracy).</summary>
    public double? Max => Values.Where(double.IsFinite).Select(v => (double?)v).DefaultIfEmpty(null).Max();
}
