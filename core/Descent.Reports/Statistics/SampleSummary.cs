namespace Descent.Reports.Statistics;

/// <summary>Count, mean, sample standard deviation (n - 1), minimum and maximum of some values.</summary>
/// <param name="Count">How many values.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="StandardDeviation">The sample standard deviation, sqrt(sum((v - mean)^2) / (n - 1)); null for one value.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
public sealed record SampleSummary(int Count, double Mean, double? StandardDeviation, double Min, double Max)
{
    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static SampleSummary? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var v = values.ToArray();
        if (v.Length == 0)
        {
            return null;
        }

        double mean = v.Average();
        // Two passes (deviations from the mean), not sum of squares minus square of sums: losses agree to many digits.
        double? sd = v.Length < 2 ? null : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return new SampleSummary(v.Length, mean, sd, v.Min(), v.Max());
    }
}
