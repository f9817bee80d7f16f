namespace Descent.Benchmarks.Scores;

/// <summary>Checks and percentile bounds shared by the bootstrap bands and intervals.</summary>
internal static class BootstrapPercentiles
{
    /// <summary>Rejects a resample count below 1 or a level outside (0, 1).</summary>
    public static void Check(int resamples, double level)
    {
        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, $"Invalid resamples = {resamples}: the bootstrap needs at least 1 (1000 or more for a 95% band).");
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Invalid level = {level}: give the band's coverage as a fraction in (0, 1), e.g. 0.95.");
        }
    }

    /// <summary>The (1 − level)/2 and (1 + level)/2 quantiles of <paramref name="values"/> (sorted in place).</summary>
    public static (double Lower, double Upper) Of(double[] values, double level)
    {
        Array.Sort(values);
        return (Quantile.OfSorted(values, (1 - level) / 2), Quantile.OfSorted(values, (1 + level) / 2));
    }
}
