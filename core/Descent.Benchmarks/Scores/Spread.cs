namespace Descent.Benchmarks.Scores;

/// <summary>
/// The middle and the spread of a few values (one per study): median, quartiles and extremes, by
/// <see cref="Quantile"/> (numpy's linear interpolation; AlgoPerf takes <c>np.median</c> over studies). Infinite
/// values (misses) are allowed: the median of {3, ∞, ∞} is ∞.
/// </summary>
/// <param name="Count">How many values.</param>
/// <param name="Median">The 0.5-quantile.</param>
/// <param name="LowerQuartile">The 0.25-quantile.</param>
/// <param name="UpperQuartile">The 0.75-quantile.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
public sealed record Spread(int Count, double Median, double LowerQuartile, double UpperQuartile, double Min, double Max)
{
    /// <summary>The interquartile range, UpperQuartile − LowerQuartile (∞ when only the upper one is infinite).</summary>
    public double InterquartileRange => UpperQuartile == LowerQuartile ? 0 : UpperQuartile - LowerQuartile;

    /// <summary>The spread of <paramref name="values"/>: at least one, none NaN.</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Quantile.Check(sorted, nameof(values));
        Array.Sort(sorted);
        return new Spread(
            sorted.Length,
            Quantile.OfSorted(sorted, 0.5),
            Quantile.OfSorted(sorted, 0.25),
            Quantile.OfSorted(sorted, 0.75),
            sorted[0],
            sorted[^1]);
    }
}
