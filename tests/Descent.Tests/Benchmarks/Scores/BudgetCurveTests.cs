using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>Budget curves: the exact expectation with a bootstrap band that is reproducible, contains it, and collapses on equal values.</summary>
public sealed class BudgetCurveTests
{
    private static readonly double[] Losses = [0.42, 0.35, 0.61, 0.38, 0.90, 0.33, 0.47, 0.36, 0.52, 0.40];

    [Test]
    public void The_same_seed_gives_the_same_band_bit_for_bit_and_another_seed_another()
    {
        var a = BudgetCurve.Of(Losses, Goal.Minimize, resamples: 500, seed: 11);
        var b = BudgetCurve.Of(Losses, Goal.Minimize, resamples: 500, seed: 11);
        var c = BudgetCurve.Of(Losses, Goal.Minimize, resamples: 500, seed: 12);

        Assert.Multiple(() =>
        {
            Assert.That(a.Points, Is.EqualTo(b.Points));
            Assert.That(a.Points.Select(p => BitConverter.DoubleToInt64Bits(p.Lower)), Is.EqualTo(b.Points.Select(p => BitConverter.DoubleToInt64Bits(p.Lower))));
            Assert.That(a.Points.Select(p => p.Lower), Is.Not.EqualTo(c.Points.Select(p => p.Lower)));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_band_contains_the_expected_value_which_is_the_exact_curve(bool withReplacement)
    {
        var curve = BudgetCurve.Of(Losses, Goal.Minimize, seed: 3, withReplacement: withReplacement);
        double[] exact = withReplacement ? ExpectedBest.WithReplacement(Losses, Goal.Minimize) : ExpectedBest.WithoutReplacement(Losses, Goal.Minimize);

        Assert.Multiple(() =>
        {
            Assert.That(curve.Points.Select(p => p.Trials), Is.EqualTo(Enumerable.Range(1, 10)));
            Assert.That(curve.Points.Select(p => p.Expected), Is.EqualTo(exact));
            Assert.That(curve.Points, Has.All.Matches<BudgetPoint>(p => p.Lower <= p.Expected && p.Expected <= p.Upper));
            Assert.That(curve.Points, Has.All.Matches<BudgetPoint>(p => p.Lower >= 0.33 && p.Upper <= 0.90), "resampled bests stay within the observed values");
            Assert.That(curve.Points[0].Upper - curve.Points[0].Lower, Is.GreaterThan(0.01), "the mean of ten spread losses is uncertain");
            Assert.That((curve.Level, curve.Resamples, curve.Seed, curve.WithReplacement), Is.EqualTo((0.95, 1000, 3, withReplacement)));
        });
    }

    [Test]
    public void Equal_values_give_a_band_of_zero_width()
    {
        var curve = BudgetCurve.Of([0.25, 0.25, 0.25, 0.25, 0.25], Goal.Maximize, resamples: 200, seed: 5);

        Assert.That(curve.Points, Has.All.Matches<BudgetPoint>(p => p.Lower == p.Upper && p.Lower == p.Expected));
    }

    [Test]
    public void Bad_options_are_refused_with_the_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => BudgetCurve.Of(Losses, Goal.Minimize, resamples: 0))!.Message, Does.Contain("Invalid resamples = 0"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => BudgetCurve.Of(Losses, Goal.Minimize, level: 1))!.Message, Does.Contain("Invalid level = 1"));
            Assert.That(Assert.Throws<ArgumentException>(() => BudgetCurve.Of([], Goal.Minimize))!.Message, Does.Contain("values is empty"));
        });
    }
}
