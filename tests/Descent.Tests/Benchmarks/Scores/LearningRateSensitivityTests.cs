using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>Learning-rate sensitivity on small sweeps computed by hand.</summary>
public sealed class LearningRateSensitivityTests
{
    [Test]
    public void A_loss_sweep_counts_the_trials_within_five_percent_of_the_best()
    {
        // Best loss 0.40 at lr 0.03; within 5%: loss ≤ 0.42 → lr 0.01 (0.41), 0.03 (0.40), 0.1 (0.415): 3 of 7 trials,
        // from 0.01 to 0.1, one decade. lr 1 diverged (NaN) and counts as a trial outside.
        SensitivityTrial[] sweep =
        [
            new(0.001, 0.80), new(0.003, 0.52), new(0.01, 0.41), new(0.03, 0.40), new(0.1, 0.415), new(0.3, 0.60), new(1.0, double.NaN),
        ];

        var s = LearningRateSensitivity.Of(sweep, Goal.Minimize);

        Assert.Multiple(() =>
        {
            Assert.That(s.BestLearningRate, Is.EqualTo(0.03));
            Assert.That(s.BestValidation, Is.EqualTo(0.40));
            Assert.That(s.FractionWithinTolerance, Is.EqualTo(3.0 / 7));
            Assert.That((s.LowestWithinTolerance, s.HighestWithinTolerance), Is.EqualTo((0.01, 0.1)));

            // 0.1 / 0.01 is 10 only up to rounding (neither is exact in binary): a few ulps of log10.
            Assert.That(s.WidthDecades, Is.EqualTo(1).Within(1e-15));
            Assert.That(s.RelativeTolerance, Is.EqualTo(0.05));
        });
    }

    [Test]
    public void An_accuracy_sweep_keeps_a_value_on_the_bound_and_drops_non_finite_ones()
    {
        // Best accuracy 0.5 at lr 1/4; tolerance 25% → bound 0.5 − 0.125 = 0.375 (all exact in binary).
        // Within: 1/8 (0.375, on the bound), 1/4, 1/2 (0.4375): 3 of 7; width log10((1/2) / (1/8)) = log10 4.
        SensitivityTrial[] sweep =
        [
            new(0.0625, 0.25), new(0.125, 0.375), new(0.25, 0.5), new(0.5, 0.4375), new(1.0, 0.3125),
            new(2.0, double.NegativeInfinity), new(4.0, double.NaN),
        ];

        var s = LearningRateSensitivity.Of(sweep, Goal.Maximize, relativeTolerance: 0.25);

        Assert.That(s, Is.EqualTo(new LearningRateSensitivity(0.25, 0.5, 3.0 / 7, 0.125, 0.5, Math.Log10(4), 0.25)));
    }

    [Test]
    public void The_tolerance_is_relative_to_the_magnitude_of_a_negative_best()
    {
        // Best −2.0 (minimizing): bound −2.0 + 0.05 × 2.0 = −1.9; −1.95 is within, −1.8 is not.
        var s = LearningRateSensitivity.Of([new(0.01, -1.8), new(0.1, -2.0), new(1.0, -1.95)], Goal.Minimize);

        Assert.Multiple(() =>
        {
            Assert.That(s.FractionWithinTolerance, Is.EqualTo(2.0 / 3));
            Assert.That((s.LowestWithinTolerance, s.HighestWithinTolerance), Is.EqualTo((0.1, 1.0)));
        });
    }

    [Test]
    public void Equal_bests_choose_the_first_and_one_good_rate_has_zero_width()
    {
        var tie = LearningRateSensitivity.Of([new(0.5, 0.25), new(0.125, 0.25)], Goal.Minimize);
        var single = LearningRateSensitivity.Of([new(0.01, 0.9), new(0.1, 0.5)], Goal.Minimize);

        Assert.Multiple(() =>
        {
            Assert.That(tie.BestLearningRate, Is.EqualTo(0.5));
            Assert.That(tie.WidthDecades, Is.EqualTo(Math.Log10(4)));
            Assert.That(single.FractionWithinTolerance, Is.EqualTo(0.5));
            Assert.That(single.WidthDecades, Is.EqualTo(0));
        });
    }

    [Test]
    public void Bad_sweeps_are_refused_naming_the_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => LearningRateSensitivity.Of([], Goal.Minimize))!.Message, Does.Contain("trials is empty"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => LearningRateSensitivity.Of([new(0.1, 1), new(-0.1, 1)], Goal.Minimize))!.Message,
                Does.StartWith("trials[1].LearningRate is -0.1: learning rates must be finite numbers > 0."));
            Assert.That(
                Assert.Throws<ArgumentException>(() => LearningRateSensitivity.Of([new(0, 1)], Goal.Minimize))!.Message,
                Does.StartWith("trials[0].LearningRate is 0:"));
            Assert.That(
                Assert.Throws<ArgumentException>(() => LearningRateSensitivity.Of([new(0.1, double.NaN), new(1, double.PositiveInfinity)], Goal.Minimize))!.Message,
                Does.StartWith("Every one of the 2 trials has a non-finite best validation"));
            Assert.That(
                Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSensitivity.Of([new(0.1, 1)], Goal.Minimize, relativeTolerance: -0.05))!.Message,
                Does.Contain("Invalid relativeTolerance = -0.05"));
        });
    }
}
