using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>A study's best trial follows validation, never test; its time is its fastest trial's; the median over studies allows misses.</summary>
public sealed class StudyScoreTests
{
    private static readonly Target LossBelowHalf = new(Goal.Minimize, 0.5);

    private static TrialCurve Trial(double best, double? test, params (long Step, double Seconds, double Value)[] points) =>
        new(points.Select(p => new CurvePoint(p.Step, p.Seconds, p.Value)).ToArray(), best, test);

    [Test]
    public void The_best_trial_is_chosen_by_validation_even_when_test_disagrees()
    {
        // Trial 0 has the better validation value (0.30 < 0.35) and the worse test value (0.60 > 0.20).
        TrialCurve[] study =
        [
            Trial(0.30, 0.60, (100, 1, 0.30)),
            Trial(0.35, 0.20, (100, 1, 0.35)),
        ];

        var score = StudyScore.Of(study, LossBelowHalf);

        Assert.Multiple(() =>
        {
            Assert.That(score.BestTrial, Is.EqualTo(0), "selection follows validation");
            Assert.That(score.BestValidation, Is.EqualTo(0.30));
            Assert.That(score.TestOfBest, Is.EqualTo(0.60), "the test metric is the chosen trial's, however bad");
            Assert.That(BestTrial.Select([0.30, 0.35], Goal.Minimize), Is.EqualTo(0));
            Assert.That(BestTrial.Select([0.30, 0.35], Goal.Maximize), Is.EqualTo(1));
        });
    }

    [Test]
    public void Diverged_trials_never_win_and_ties_go_to_the_first()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BestTrial.Select([double.NaN, 0.9, 0.4, 0.4], Goal.Minimize), Is.EqualTo(2));
            Assert.That(BestTrial.Select([double.NaN, 0.9], Goal.Maximize), Is.EqualTo(1));
            Assert.That(BestTrial.Select([double.NaN, double.NaN], Goal.Minimize), Is.EqualTo(0));
        });
    }

    [Test]
    public void A_study_is_timed_by_its_fastest_trial_to_the_target()
    {
        TrialCurve[] study =
        [
            Trial(0.45, null, (100, 2.0, 0.9), (200, 4.0, 0.45)),   // reaches at step 200
            Trial(0.20, null, (100, 2.5, 0.9), (200, 5.0, 0.6), (300, 7.5, 0.2)), // best validation, reaches at 300
            Trial(0.48, null, (100, 1.0, 0.7), (200, 3.0, 0.48)),   // ties trial 0 on steps, faster in seconds
        ];

        var score = StudyScore.Of(study, LossBelowHalf);

        Assert.Multiple(() =>
        {
            Assert.That(score.BestTrial, Is.EqualTo(1));
            Assert.That(score.FastestTrial, Is.EqualTo(2));
            Assert.That(score.TimeToTarget, Is.EqualTo(new TimeToTarget(200, 3.0)));
        });
    }

    [Test]
    public void The_median_over_studies_of_one_hit_and_two_misses_is_a_miss()
    {
        IReadOnlyList<TrialCurve>[] studies =
        [
            [Trial(0.4, 0.41, (3, 0.3, 0.4))],
            [Trial(0.7, 0.72, (3, 0.3, 0.7))],
            [Trial(double.NaN, null, (3, 0.3, double.NaN))],
        ];

        var summary = StudiesSummary.Of(studies, LossBelowHalf);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Reached, Is.EqualTo(1));
            Assert.That(summary.StepsToTarget, Is.EqualTo(new Spread(3, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 3, double.PositiveInfinity)));
            Assert.That(summary.SecondsToTarget.Median, Is.EqualTo(double.PositiveInfinity));
            Assert.That(summary.SecondsToTarget.Min, Is.EqualTo(0.3));
            // The diverged study's NaN enters as +∞, the worst loss: median of {0.4, 0.7, ∞} = 0.7.
            Assert.That(summary.BestValidation, Is.EqualTo(new Spread(3, 0.7, 0.4 + (0.5 * (0.7 - 0.4)), double.PositiveInfinity, 0.4, double.PositiveInfinity)));
            // Test values of the studies that have one: {0.41, 0.72}; quantiles interpolate as a + f (b − a).
            Assert.That(summary.TestMetric, Is.EqualTo(new Spread(2, 0.41 + (0.5 * (0.72 - 0.41)), 0.41 + (0.25 * (0.72 - 0.41)), 0.41 + (0.75 * (0.72 - 0.41)), 0.41, 0.72)));
        });
    }

    [Test]
    public void The_median_time_over_studies_that_all_hit_is_finite()
    {
        IReadOnlyList<TrialCurve>[] studies =
        [
            [Trial(0.4, null, (300, 3, 0.4))],
            [Trial(0.4, null, (100, 1, 0.4)), Trial(0.3, null, (500, 5, 0.3))],
            [Trial(0.4, null, (200, 2, 0.4))],
        ];

        var summary = StudiesSummary.Of(studies, LossBelowHalf);

        Assert.Multiple(() =>
        {
            Assert.That(summary.StepsToTarget, Is.EqualTo(new Spread(3, 200, 150, 250, 100, 300)));
            Assert.That(summary.SecondsToTarget.Median, Is.EqualTo(2));
            Assert.That(summary.TestMetric, Is.Null, "no study has a test metric");
        });
    }

    [Test]
    public void Empty_studies_are_refused_with_their_index()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => StudiesSummary.Of([], LossBelowHalf))!.Message, Does.Contain("studies is empty"));
            Assert.That(Assert.Throws<ArgumentException>(() => StudiesSummary.Of([[Trial(1, null)], []], LossBelowHalf))!.Message, Does.Contain("studies[1] has no trials"));
            Assert.That(Assert.Throws<ArgumentException>(() => BestTrial.Select([], Goal.Minimize))!.Message, Does.Contain("selectionValues is empty"));
        });
    }
}
