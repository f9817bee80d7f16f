namespace Descent.Benchmarks.Scores;

/// <summary>
/// Quantiles by linear interpolation between order statistics: the q-quantile of sorted x_0 ≤ … ≤ x_(n−1) is
/// x_j + f (x_(j+1) − x_j) with h = q (n − 1), j = ⌊h⌋, f = h − j (Hyndman and Fan's type 7, the default of
/// numpy.percentile and of R's quantile; numpy.median is its q = 0.5). Infinite values are allowed: between a
/// number and +∞ the result is +∞ (so the median of {3, ∞} is ∞, as numpy gives), and equal ends give that end.
/// </summary>
public static class Quantile
{
    /// <summary>The <paramref name="q"/>-quantile of <paramref name="values"/> (any order; not modified).</summary>
    public static double Of(IEnumerable<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Check(sorted, nameof(values));
        Array.Sort(sorted);
        return OfSorted(sorted, q);
    }

    /// <summary>The <paramref name="q"/>-quantile of values already sorted ascending, none NaN.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values: a quantile needs at least one.", nameof(sorted));
        }

        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, $"Invalid quantile {q}: give a fraction in [0, 1] (0.5 for the median).");
        }

        double h = q * (sorted.Count - 1);
        int j = (int)Math.Floor(h);
        double f = h - j;
        double a = sorted[j];
        if (f == 0 || j + 1 >= sorted.Count)
        {
            return a;
        }

        double b = sorted[j + 1];
        if (a == b || double.IsInfinity(a))
        {
            return a;
        }

        return double.IsInfinity(b) ? b : a + (f * (b - a));
    }

    /// <summary>Rejects an empty list or a NaN, naming its index.</summary>
    internal static void Check(IReadOnlyList<double> values, string name)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} is empty: give at least one value.", name);
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is NaN: map a diverged value to its goal's worst (GoalOrder.NaNAsWorst) or leave it out.", name);
            }
        }
    }
}
