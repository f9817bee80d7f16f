using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>Seed-matched differences with a percentile bootstrap interval: exact means, a brute-force interval, misses explicit.</summary>
public sealed class PairedComparisonTests
{
    private const double Inf = double.PositiveInfinity;

    // Shared seeds 1..5 (7 only in the candidate, 9 only in the baseline); differences by hand, all dyadic so exact:
    // 0.25, 0.25, 0.125, 0.5, 0.125 → sum 1.25, mean 0.25.
    private static readonly Dictionary<long, double> Adam = new() { [5] = 0.625, [1] = 0.5, [2] = 0.75, [3] = 0.25, [4] = 1.0, [7] = 9.0 };
    private static readonly Dictionary<long, double> Sgd = new() { [1] = 0.25, [2] = 0.5, [3] = 0.125, [4] = 0.5, [5] = 0.5, [9] = 3.0 };

    [Test]
    public void The_mean_difference_is_over_the_shared_seeds_in_seed_order()
    {
        var c = PairedComparison.Of(Adam, Sgd);

        Assert.Multiple(() =>
        {
            Assert.That(c.Seeds, Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
            Assert.That(c.Differences, Is.EqualTo(new[] { 0.25, 0.25, 0.125, 0.5, 0.125 }));
            Assert.That(c.MeanDifference, Is.EqualTo(0.25));
            Assert.That(c.Missed, Is.Empty);
            Assert.That((c.Resamples, c.Seed, c.Interval.Level), Is.EqualTo((10000, 0L, 0.95)));
        });
    }

    [Test]
    public void The_interval_is_the_percentiles_of_the_resampled_means_drawn_by_the_seeded_generator()
    {
        const int resamples = 2000;
        var c = PairedComparison.Of(Adam, Sgd, resamples: resamples, level: 0.9, seed: 42);

        // Brute force: the same generator draws n seed indices per resample; numpy.percentile([...], [5, 95]).
        double[] d = [0.25, 0.25, 0.125, 0.5, 0.125];
        var random = new Random(42);
        var means = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            double sum = 0;
            for (int i = 0; i < d.Length; i++)
            {
                sum += d[random.Next(d.Length)];
            }

            means[b] = sum / d.Length;
        }

        Array.Sort(means);
        static double Percentile(double[] sorted, double q)
        {
            double h = q * (sorted.Length - 1);
            int j = (int)Math.Floor(h);
            return j + 1 < sorted.Length ? sorted[j] + ((h - j) * (sorted[j + 1] - sorted[j])) : sorted[j];
        }

        Assert.Multiple(() =>
        {
            Assert.That(c.Interval.Lower, Is.EqualTo(Percentile(means, 0.05)));
            Assert.That(c.Interval.Upper, Is.EqualTo(Percentile(means, 0.95)));
            Assert.That(c.Interval.Lower, Is.GreaterThan(0.125).And.LessThan(0.25), "every difference is ≥ 0.125, so is every mean");
            Assert.That(c.Interval.Upper, Is.GreaterThan(0.25).And.LessThan(0.5));
        });
    }

    [Test]
    public void A_fixed_seed_gives_the_same_interval_bit_for_bit_and_another_seed_another()
    {
        // Eight spread differences, so that resampled means take many values and bounds move with the seed.
        var candidate = new Dictionary<long, double> { [1] = 0.913, [2] = 0.921, [3] = 0.896, [4] = 0.917, [5] = 0.909, [6] = 0.930, [7] = 0.902, [8] = 0.911 };
        var baseline = candidate.ToDictionary(kv => kv.Key, _ => 0.9);
        var a = PairedComparison.Of(candidate, baseline, resamples: 500, seed: 11);
        var b = PairedComparison.Of(candidate, baseline, resamples: 500, seed: 11);
        var other = PairedComparison.Of(candidate, baseline, resamples: 500, seed: 12);
        var large = PairedComparison.Of(candidate, baseline, resamples: 500, seed: 1L << 40);

        Assert.Multiple(() =>
        {
            Assert.That(BitConverter.DoubleToInt64Bits(a.Interval.Lower), Is.EqualTo(BitConverter.DoubleToInt64Bits(b.Interval.Lower)));
            Assert.That(BitConverter.DoubleToInt64Bits(a.Interval.Upper), Is.EqualTo(BitConverter.DoubleToInt64Bits(b.Interval.Upper)));
            Assert.That((a.Interval.Lower, a.Interval.Upper), Is.Not.EqualTo((other.Interval.Lower, other.Interval.Upper)));
            Assert.That(large.Interval, Is.EqualTo(PairedComparison.Of(candidate, baseline, resamples: 500, seed: 1L << 40).Interval));
            Assert.That(PairedComparison.GeneratorSeed(11), Is.EqualTo(11), "an int-sized seed seeds the generator as BudgetCurve does");
            Assert.That(PairedComparison.GeneratorSeed(1L << 40), Is.EqualTo(1 << 8), "2^40: its high half 2^8 exclusive-or its low half 0");
        });
    }

    [Test]
    public void Equal_differences_give_a_zero_width_interval_at_that_value()
    {
        var c = PairedComparison.Of(
            new Dictionary<long, double> { [1] = 1.5, [2] = 2.5, [3] = 0.5 },
            new Dictionary<long, double> { [1] = 1.0, [2] = 2.0, [3] = 0.0 },
            resamples: 300,
            candidateName: "adam",
            baselineName: "sgd");

        Assert.Multiple(() =>
        {
            Assert.That(c.Interval, Is.EqualTo(new ConfidenceInterval(0.5, 0.5, 0.95)));
            Assert.That(c.MeanDifference, Is.EqualTo(0.5));
            Assert.That(c.Resolved, Is.True, "[0.5, 0.5] excludes 0");
            Assert.That(c.Message, Is.EqualTo("adam - sgd: +0.50 [+0.50, +0.50] over 3 seeds"));
        });
    }

    [Test]
    public void Differences_of_both_signs_are_not_resolved_by_three_seeds()
    {
        // Differences +0.5, −0.25, +0.25 (mean 0.5/3): a resample of three −0.25, or of three +0.5, has probability
        // 1/27 ≈ 3.7% > 2.5%, so the 95% interval is [−0.25, +0.5] and holds 0.
        var c = PairedComparison.Of(
            new Dictionary<long, double> { [1] = 1.0, [2] = 0.25, [3] = 0.75 },
            new Dictionary<long, double> { [1] = 0.5, [2] = 0.5, [3] = 0.5 },
            candidateName: "adam",
            baselineName: "sgd");

        Assert.Multiple(() =>
        {
            Assert.That(c.MeanDifference, Is.EqualTo(0.5 / 3));
            Assert.That(c.Interval, Is.EqualTo(new ConfidenceInterval(-0.25, 0.5, 0.95)));
            Assert.That(c.Resolved, Is.False);
            Assert.That(c.Message, Is.EqualTo("adam - sgd: +0.17 [-0.25, +0.50] not resolved by the 3 seeds run"));
        });
    }

    [Test]
    public void Seeds_with_a_miss_are_left_out_named_and_keep_the_comparison_unresolved()
    {
        // Seconds to target: adam missed on seed 2, sgd on seed 3; both finished 1 and 4, each 100 s faster with adam.
        var c = PairedComparison.Of(
            new Dictionary<long, double> { [1] = 100, [2] = Inf, [3] = 300, [4] = 400 },
            new Dictionary<long, double> { [1] = 200, [2] = 250, [3] = Inf, [4] = 500 },
            candidateName: "adam",
            baselineName: "sgd");

        Assert.Multiple(() =>
        {
            Assert.That(c.Seeds, Is.EqualTo(new long[] { 1, 4 }));
            Assert.That(c.Missed, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(c.MeanDifference, Is.EqualTo(-100));
            Assert.That(c.Interval, Is.EqualTo(new ConfidenceInterval(-100, -100, 0.95)));
            Assert.That(c.Resolved, Is.False, "the interval excludes 0, but the missed seeds could decide the comparison");
            Assert.That(c.Message, Is.EqualTo("adam - sgd: -100 [-100, -100] over the 2 seeds both finished; not resolved: adam missed on seed 2, sgd missed on seed 3"));
        });
    }

    [Test]
    public void Too_few_seeds_NaN_and_all_misses_are_refused_naming_the_seeds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                Assert.Throws<ArgumentException>(() => PairedComparison.Of(new Dictionary<long, double> { [1] = 1, [3] = 1 }, new Dictionary<long, double> { [3] = 1, [4] = 1 }))!.Message,
                Does.StartWith("candidate has seeds 1, 3 and baseline has seeds 3, 4, so they share only seed 3: a paired comparison needs at least 2 seeds run by both."));
            Assert.That(
                Assert.Throws<ArgumentException>(() => PairedComparison.Of(new Dictionary<long, double> { [1] = 1 }, new Dictionary<long, double> { [2] = 1 }))!.Message,
                Does.Contain("so they share none"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => PairedComparison.Of(new Dictionary<long, double> { [1] = 1, [2] = 2 }, new Dictionary<long, double> { [1] = 1, [2] = double.NaN }))!.Message,
                Does.StartWith("baseline[seed 2] is NaN: map a diverged run to its goal's worst"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => PairedComparison.Of(
                    new Dictionary<long, double> { [1] = Inf, [2] = 2 }, new Dictionary<long, double> { [1] = 1, [2] = Inf }, candidateName: "adam", baselineName: "sgd"))!.Message,
                Does.StartWith("No seed is finite on both sides (adam missed on seed 1, sgd missed on seed 2)"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => PairedComparison.Of(Adam, Sgd, resamples: 0))!.Message, Does.Contain("Invalid resamples = 0"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => PairedComparison.Of(Adam, Sgd, level: 1.5))!.Message, Does.Contain("Invalid level = 1.5"));
        });
    }
}
