using System.Globalization;

namespace Descent.Benchmarks.Scores;

/// <summary>
/// A seed-matched comparison of two optimizers on one workload: the per-seed differences candidate − baseline over
/// the seeds both ran, their mean, and a percentile bootstrap interval for that mean. The seeds are resampled with
/// replacement <see cref="Resamples"/> times by <see cref="System.Random"/> seeded from <see cref="Seed"/> (the
/// differences taken in ascending seed order, so a fixed seed gives the same interval bit for bit), each resample's
/// mean is taken, and the interval is their (1 − level)/2 and (1 + level)/2 quantiles (<see cref="Quantile"/>, numpy's
/// linear interpolation; Efron and Tibshirani 1993, ch. 13). The difference is <see cref="Resolved"/> when the interval
/// excludes 0.
/// <para>
/// Misses. A value of ±∞ (a missed target, or a diverged run mapped to its goal's worst by
/// <see cref="GoalOrder.NaNAsWorst"/>) has no finite difference, so a seed where either side is infinite is left out
/// of the differences and listed in <see cref="Missed"/>; the mean and interval are those of the seeds both finished,
/// and the comparison is never resolved while a seed is missed (the missed seeds could decide it). The message names
/// who missed on which seeds. To resolve such a comparison, compare a metric that is finite on every seed (best
/// validation rather than time to target). NaN is refused, never averaged.
/// </para>
/// </summary>
/// <param name="Seeds">The seeds compared (shared, finite on both sides), ascending.</param>
/// <param name="Differences">candidate − baseline on each of <paramref name="Seeds"/>.</param>
/// <param name="Missed">The shared seeds left out because a value is infinite, ascending.</param>
/// <param name="MeanDifference">The mean of <paramref name="Differences"/>.</param>
/// <param name="Interval">The percentile bootstrap interval of the mean difference.</param>
/// <param name="Resolved">Whether the interval excludes 0 and no seed was missed.</param>
/// <param name="Message">One line, e.g. "adam - sgd: +0.012 [+0.004, +0.020] over 5 seeds".</param>
/// <param name="Resamples">Bootstrap resamples.</param>
/// <param name="Seed">The generator's seed.</param>
public sealed record PairedComparison(
    IReadOnlyList<long> Seeds,
    IReadOnlyList<double> Differences,
    IReadOnlyList<long> Missed,
    double MeanDifference,
    ConfidenceInterval Interval,
    bool Resolved,
    string Message,
    int Resamples,
    long Seed)
{
    /// <summary>
    /// Compares <paramref name="candidate"/>[seed] with <paramref name="baseline"/>[seed] (a metric per seed, e.g. best
    /// validation or time to target) over the seeds both hold; at least 2 must be shared and at least 1 finite on both
    /// sides. Defaults: 10000 resamples, a 95% interval, seed 0. The names label <see cref="Message"/>.
    /// </summary>
    public static PairedComparison Of(
        IReadOnlyDictionary<long, double> candidate,
        IReadOnlyDictionary<long, double> baseline,
        int resamples = 10000,
        double level = 0.95,
        long seed = 0,
        string candidateName = "candidate",
        string baselineName = "baseline")
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidateName);
        ArgumentNullException.ThrowIfNull(baselineName);
        BootstrapPercentiles.Check(resamples, level);

        long[] shared = candidate.Keys.Where(baseline.ContainsKey).Order().ToArray();
        if (shared.Length < 2)
        {
            throw new ArgumentException(
                $"candidate has seeds {SeedList(candidate.Keys.Order())} and baseline has seeds {SeedList(baseline.Keys.Order())}, so they share {(shared.Length == 0 ? "none" : "only seed " + SeedList(shared))}: a paired comparison needs at least 2 seeds run by both.",
                nameof(candidate));
        }

        CheckNotNaN(candidate, shared, nameof(candidate));
        CheckNotNaN(baseline, shared, nameof(baseline));
        long[] seeds = shared.Where(s => double.IsFinite(candidate[s]) && double.IsFinite(baseline[s])).ToArray();
        long[] missed = shared.Except(seeds).ToArray();
        string misses = Misses(candidate, baseline, missed, candidateName, baselineName);
        if (seeds.Length == 0)
        {
            throw new ArgumentException(
                $"No seed is finite on both sides ({misses}): there is no difference to estimate; compare a metric that is finite on every seed, such as best validation.",
                nameof(candidate));
        }

        double[] differences = seeds.Select(s => candidate[s] - baseline[s]).ToArray();
        double mean = Mean(differences);
        var (lower, upper) = BootstrapPercentiles.Of(ResampledMeans(differences, resamples, seed), level);
        var interval = new ConfidenceInterval(lower, upper, level);
        bool resolved = missed.Length == 0 && interval.Excludes(0);

        string numbers = Format(mean, lower, upper);
        string message = missed.Length > 0
            ? $"{candidateName} - {baselineName}: {numbers} over the {Count(seeds.Length)} both finished; not resolved: {misses}"
            : resolved
                ? $"{candidateName} - {baselineName}: {numbers} over {Count(seeds.Length)}"
                : $"{candidateName} - {baselineName}: {numbers} not resolved by the {Count(seeds.Length)} run";
        return new PairedComparison(seeds, differences, missed, mean, interval, resolved, message, resamples, seed);
    }

    /// <summary>
    /// The generator's seed: <paramref name="seed"/> itself when it fits an <see cref="int"/> (as <see cref="BudgetCurve"/>
    /// seeds), otherwise its two halves exclusive-or'd.
    /// </summary>
    internal static int GeneratorSeed(long seed) =>
        seed is >= int.MinValue and <= int.MaxValue ? (int)seed : unchecked((int)(seed ^ (seed >> 32)));

    /// <summary>The mean of each of <paramref name="resamples"/> resamples of <paramref name="differences"/>, drawn in order.</summary>
    private static double[] ResampledMeans(double[] differences, int resamples, long seed)
    {
        var random = new Random(GeneratorSeed(seed));
        int n = differences.Length;
        var means = new double[resamples];
        var resample = new double[n];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < n; i++)
            {
                resample[i] = differences[random.Next(n)];
            }

            means[b] = Mean(resample);
        }

        return means;
    }

    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static void CheckNotNaN(IReadOnlyDictionary<long, double> values, long[] seeds, string name)
    {
        foreach (long s in seeds)
        {
            if (double.IsNaN(values[s]))
            {
                throw new ArgumentException(
                    $"{name}[seed {s}] is NaN: map a diverged run to its goal's worst (GoalOrder.NaNAsWorst), which counts as a miss, or leave the seed out.",
                    name);
            }
        }
    }

    private static string Misses(IReadOnlyDictionary<long, double> candidate, IReadOnlyDictionary<long, double> baseline, long[] missed, string candidateName, string baselineName)
    {
        long[] byCandidate = missed.Where(s => !double.IsFinite(candidate[s])).ToArray();
        long[] byBaseline = missed.Where(s => !double.IsFinite(baseline[s])).ToArray();
        var parts = new List<string>();
        if (byCandidate.Length > 0)
        {
            parts.Add($"{candidateName} missed on {SeedWord(byCandidate)}");
        }

        if (byBaseline.Length > 0)
        {
            parts.Add($"{baselineName} missed on {SeedWord(byBaseline)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Mean and bounds with a sign and the same decimals: 2 significant digits of the largest magnitude.</summary>
    private static string Format(double mean, double lower, double upper)
    {
        double largest = Math.Max(Math.Abs(mean), Math.Max(Math.Abs(lower), Math.Abs(upper)));
        int decimals = largest == 0 ? 3 : Math.Clamp(1 - (int)Math.Floor(Math.Log10(largest)), 0, 15);
        string Signed(double v) => (v < 0 ? "-" : "+") + Math.Abs(v).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return $"{Signed(mean)} [{Signed(lower)}, {Signed(upper)}]";
    }

    private static string Count(int seeds) => seeds == 1 ? "1 seed" : $"{seeds} seeds";

    private static string SeedWord(IReadOnlyCollection<long> seeds) => (seeds.Count == 1 ? "seed " : "seeds ") + SeedList(seeds);

    private static string SeedList(IEnumerable<long> seeds)
    {
        string list = string.Join(", ", seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        return list.Length == 0 ? "(none)" : list;
    }
}
