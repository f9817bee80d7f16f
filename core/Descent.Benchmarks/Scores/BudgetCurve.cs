namespace Descent.Benchmarks.Scores;

/// <summary>
/// The expected best validation value after k = 1..n tuning trials, read from the n trials of one search
/// (<see cref="ExpectedBest"/>), with a percentile bootstrap band: the n trials are resampled with replacement
/// <see cref="Resamples"/> times by <see cref="System.Random"/> seeded with <see cref="Seed"/>, the curve is
/// recomputed on each resample, and the band at k is the (1 − level)/2 and (1 + level)/2 quantiles of those
/// curves at k. The same values, options and seed give the same band, bit for bit.
/// </summary>
/// <param name="Points">One point per budget k = 1..n.</param>
/// <param name="WithReplacement">True for Dodge et al.'s draws with replacement, false for exact draws without.</param>
/// <param name="Level">The band's coverage, e.g. 0.95.</param>
/// <param name="Resamples">Bootstrap resamples.</param>
/// <param name="Seed">The generator's seed.</param>
public sealed record BudgetCurve(IReadOnlyList<BudgetPoint> Points, bool WithReplacement, double Level, int Resamples, int Seed)
{
    /// <summary>
    /// The budget curve of <paramref name="values"/>, the best validation value of each trial of a search
    /// (finite numbers; give diverged trials a finite worst value). Defaults: 1000 resamples, a 95% band, seed 0,
    /// draws without replacement. Cost: resamples × n² operations (about a second for 1000 × 1000).
    /// </summary>
    public static BudgetCurve Of(IReadOnlyList<double> values, Goal goal, int resamples = 1000, double level = 0.95, int seed = 0, bool withReplacement = false)
    {
        BootstrapPercentiles.Check(resamples, level);
        double[] expected = Curve(values, goal, withReplacement);
        int n = expected.Length;

        var random = new Random(seed);
        var byK = new double[n][];
        for (int k = 0; k < n; k++)
        {
            byK[k] = new double[resamples];
        }

        var resample = new double[n];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < n; i++)
            {
                resample[i] = values[random.Next(n)];
            }

            double[] curve = Curve(resample, goal, withReplacement);
            for (int k = 0; k < n; k++)
            {
                byK[k][b] = curve[k];
            }
        }

        var points = new BudgetPoint[n];
        for (int k = 0; k < n; k++)
        {
            var (lower, upper) = BootstrapPercentiles.Of(byK[k], level);
            points[k] = new BudgetPoint(k + 1, expected[k], lower, upper);
        }

        return new BudgetCurve(points, withReplacement, level, resamples, seed);
    }

    private static double[] Curve(IReadOnlyList<double> values, Goal goal, bool withReplacement) =>
        withReplacement ? ExpectedBest.WithReplacement(values, goal) : ExpectedBest.WithoutReplacement(values, goal);
}
