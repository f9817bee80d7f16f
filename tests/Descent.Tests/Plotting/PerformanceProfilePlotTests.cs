using Descent.Plotting;
using Descent.Tests.Support;

namespace Descent.Tests.Plotting;

/// <summary>The performance profile's exact step function, its legend, its argument checks and its file.</summary>
public sealed class PerformanceProfilePlotTests
{
    private const double Inf = double.PositiveInfinity;

    [Test]
    public void The_steps_rise_at_each_ratio_and_ignore_a_missed_target_and_ratios_beyond_tau_max()
    {
        // rho(1) = 1/4 (the 1), rho rises to 2/4 at 1.5; 3 > tauMax and +inf never count.
        var (tau, rho) = PerformanceProfilePlot.Steps([1, 1.5, 3, Inf], tauMax: 2);

        Assert.That(tau, Is.EqualTo(new[] { 1, 1.5, 1.5, 2 }));
        Assert.That(rho, Is.EqualTo(new[] { 0.25, 0.25, 0.5, 0.5 }));
    }

    [Test]
    public void A_ratio_at_tau_max_rises_at_the_right_edge_without_a_flat_tail()
    {
        var (tau, rho) = PerformanceProfilePlot.Steps([1.2, 2, 2], tauMax: 2);

        Assert.That(tau, Is.EqualTo(new[] { 1, 1.2, 1.2, 2, 2 }));
        Assert.That(rho, Is.EqualTo(new[] { 0, 0, 1.0 / 3, 1.0 / 3, 1 }));
    }

    [Test]
    public void Repeated_ratios_make_one_step_of_their_combined_height()
    {
        var (tau, rho) = PerformanceProfilePlot.Steps([1.5, 1.5, Inf, Inf], tauMax: 3);

        Assert.That(tau, Is.EqualTo(new[] { 1, 1.5, 1.5, 3 }));
        Assert.That(rho, Is.EqualTo(new[] { 0, 0, 0.5, 0.5 }));
    }

    [Test]
    public void An_optimizer_that_won_everywhere_is_flat_at_one()
    {
        var (tau, rho) = PerformanceProfilePlot.Steps([1, 1, 1], tauMax: 4);

        Assert.That(tau, Is.EqualTo(new[] { 1, 4 }));
        Assert.That(rho, Is.EqualTo(new[] { 1, 1 }));
    }

    [TestCase(0.99, 0.0)]
    [TestCase(1.0, 0.25)]
    [TestCase(2.5, 0.5)]
    [TestCase(1e300, 0.75)]
    public void Rho_is_the_fraction_of_ratios_at_most_tau(double tau, double expected) =>
        Assert.That(PerformanceProfilePlot.Fraction([1, 2.5, 7, Inf], tau), Is.EqualTo(expected));

    [TestCase(0.834, "adam (score 0.83)")]
    [TestCase(1.0, "adam (score 1.00)")]
    [TestCase(double.NaN, "adam (score -)")]
    public void The_legend_shows_the_score_with_two_decimals(double score, string expected) =>
        Assert.That(PerformanceProfilePlot.LegendText(new ProfileSeries("adam", [1], score)), Is.EqualTo(expected));

    [Test]
    public void Earlier_lines_are_wider_so_that_coinciding_profiles_stay_visible()
    {
        Assert.That(PerformanceProfilePlot.LineWidth(0, 7), Is.EqualTo(3.5f));
        Assert.That(PerformanceProfilePlot.LineWidth(6, 7), Is.EqualTo(1.5f));
        Assert.That(PerformanceProfilePlot.LineWidth(0, 1), Is.EqualTo(2f));
    }

    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return new TestCaseData(Array.Empty<ProfileSeries>(), 4.0, "series is empty").SetName("No series is refused");
        yield return new TestCaseData(new[] { new ProfileSeries("sgd", [], 0) }, 4.0, "'sgd' has no ratios").SetName("A series without ratios is refused");
        yield return new TestCaseData(new[] { new ProfileSeries("sgd", [1, 2], 0), new ProfileSeries("adam", [1], 0) }, 4.0, "'adam' has 1 ratios but 'sgd' has 2")
            .SetName("Series with different workload counts are refused");
        yield return new TestCaseData(new[] { new ProfileSeries("sgd", [1, 0.5], 0) }, 4.0, "'sgd' ratio 1 is 0.5").SetName("A ratio below one is refused");
        yield return new TestCaseData(new[] { new ProfileSeries("sgd", [double.NaN], 0) }, 4.0, "'sgd' ratio 0 is NaN").SetName("A NaN ratio is refused");
        yield return new TestCaseData(new[] { new ProfileSeries("sgd", [1], 0) }, 1.0, "tauMax 1 must be finite and above 1").SetName("tauMax of one is refused");
        yield return new TestCaseData(new[] { new ProfileSeries("sgd", [1], 0) }, Inf, "tauMax Infinity").SetName("An infinite tauMax is refused");
    }

    [TestCaseSource(nameof(BadArguments))]
    public void Bad_arguments_are_refused_with_the_bad_value(ProfileSeries[] series, double tauMax, string message)
    {
        var error = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => PerformanceProfilePlot.Create(series, tauMax, "tau", "t"));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void The_picture_is_a_wide_png()
    {
        using var temp = new ScratchDirectory();
        string file = temp.File("profile.png");

        PerformanceProfilePlot.SavePng(file, [new ProfileSeries("sgd", [1, 2, Inf], 0.5), new ProfileSeries("adam", [1.5, 1, 1], 0.9)], 4, "tau", "profiles");

        Assert.That(PngHeader.Size(file), Is.EqualTo((Descent.Plotting.PlotStyle.WideWidth, Descent.Plotting.PlotStyle.Height)));
    }
}
