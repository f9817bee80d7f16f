using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>numpy's linear-interpolation quantiles, with misses (+∞) allowed.</summary>
public sealed class QuantileTests
{
    [Test]
    public void Quantiles_interpolate_between_order_statistics_as_numpy_percentile()
    {
        double[] v = [4, 1, 3, 2];

        Assert.Multiple(() =>
        {
            // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 75, 100]) = [1, 1.75, 2.5, 3.25, 4].
            Assert.That(Quantile.Of(v, 0), Is.EqualTo(1));
            Assert.That(Quantile.Of(v, 0.25), Is.EqualTo(1.75));
            Assert.That(Quantile.Of(v, 0.5), Is.EqualTo(2.5));
            Assert.That(Quantile.Of(v, 0.75), Is.EqualTo(3.25));
            Assert.That(Quantile.Of(v, 1), Is.EqualTo(4));
        });
    }

    [Test]
    public void Medians_with_misses_are_infinite_when_the_middle_is()
    {
        double inf = double.PositiveInfinity;

        Assert.Multiple(() =>
        {
            Assert.That(Quantile.Of([3, inf, inf], 0.5), Is.EqualTo(inf));
            Assert.That(Quantile.Of([3, inf], 0.5), Is.EqualTo(inf), "numpy.median([3, inf]) = inf");
            Assert.That(Quantile.Of([3, 5, inf], 0.5), Is.EqualTo(5));
            Assert.That(Quantile.Of([inf, inf], 0.5), Is.EqualTo(inf), "never NaN");
        });
    }

    [Test]
    public void A_spread_has_median_quartiles_and_extremes()
    {
        var s = Spread.Of([10, 40, 20, 30, 50]);

        Assert.That(s, Is.EqualTo(new Spread(5, 30, 20, 40, 10, 50)));
        Assert.That(s.InterquartileRange, Is.EqualTo(20));
    }

    [Test]
    public void A_spread_with_misses_keeps_them_infinite()
    {
        var s = Spread.Of([3, double.PositiveInfinity, double.PositiveInfinity]);

        Assert.That(s, Is.EqualTo(new Spread(3, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 3, double.PositiveInfinity)));
        Assert.That(s.InterquartileRange, Is.Zero, "∞ − ∞ is no spread, not NaN");
    }

    [Test]
    public void Empty_values_a_NaN_and_a_quantile_outside_0_1_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => Spread.Of([]))!.Message, Does.Contain("values is empty"));
            Assert.That(Assert.Throws<ArgumentException>(() => Spread.Of([1, double.NaN]))!.Message, Does.Contain("values[1] is NaN"));
            Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Quantile.Of([1, 2], 1.5))!.Message, Does.Contain("Invalid quantile 1.5"));
        });
    }
}
