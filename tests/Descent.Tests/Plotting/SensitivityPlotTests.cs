using Descent.Plotting;
using Descent.Tests.Support;

namespace Descent.Tests.Plotting;

/// <summary>The learning-rate sensitivity picture: where diverged trials go, its argument checks and its file.</summary>
public sealed class SensitivityPlotTests
{
    [TestCase(true, 0.8, TestName = "Diverged trials sit a tenth of the range below the lowest when higher is better")]
    [TestCase(false, 3.2, TestName = "Diverged trials sit a tenth of the range above the highest when lower is better")]
    public void Diverged_trials_sit_beyond_the_worst_value(bool higherIsBetter, double expected) =>
        Assert.That(SensitivityPlot.DivergedRow([1, 2.5, 3], higherIsBetter), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void With_a_single_drawn_value_the_diverged_row_is_a_tenth_of_a_unit_away()
    {
        Assert.That(SensitivityPlot.DivergedRow([2], higherIsBetter: true), Is.EqualTo(1.9).Within(1e-12));
        Assert.That(SensitivityPlot.DivergedRow([2], higherIsBetter: false), Is.EqualTo(2.1).Within(1e-12));
        Assert.That(SensitivityPlot.DivergedRow([], higherIsBetter: false), Is.EqualTo(0));
    }

    [TestCase(new[] { 0.01, 10.0 }, false, TestName = "Metrics spanning exactly three decades keep a linear axis")]
    [TestCase(new[] { 0.01, 10.5, double.NaN }, true, TestName = "Metrics spanning more than three decades get a log axis")]
    [TestCase(new[] { 0.0, 100.0 }, false, TestName = "A zero metric keeps a linear axis")]
    [TestCase(new[] { 5.0 }, false, TestName = "A single metric keeps a linear axis")]
    public void The_metric_axis_is_logarithmic_past_three_decades(double[] values, bool expected) =>
        Assert.That(LogAxis.Spans(values, 3), Is.EqualTo(expected));

    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return new TestCaseData(Array.Empty<SensitivitySeries>(), "series is empty").SetName("No sensitivity series is refused");
        yield return new TestCaseData(new[] { new SensitivitySeries("sgd", []) }, "'sgd' has no points").SetName("A sensitivity series without points is refused");
        yield return new TestCaseData(new[] { new SensitivitySeries("sgd", [(0.1, 0.9), (0, 0.8)]) }, "'sgd' has learning rate 0").SetName("A zero learning rate is refused");
        yield return new TestCaseData(new[] { new SensitivitySeries("sgd", [(double.NaN, 0.8)]) }, "'sgd' has learning rate NaN").SetName("A NaN learning rate is refused");
    }

    [TestCaseSource(nameof(BadArguments))]
    public void Bad_arguments_are_refused_with_the_bad_value(SensitivitySeries[] series, string message)
    {
        var error = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => SensitivityPlot.Create(series, "accuracy", "t", higherIsBetter: true));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void The_picture_is_a_wide_png_with_a_series_that_only_diverged()
    {
        using var temp = new ScratchDirectory();
        string file = temp.File("sensitivity.png");
        var series = new[]
        {
            new SensitivitySeries("sgd", [(1e-3, 0.7), (1e-2, 0.9), (1, double.NaN)]),
            new SensitivitySeries("adadelta", [(10, double.PositiveInfinity)]),
        };

        SensitivityPlot.SavePng(file, series, "best validation loss", "sensitivity", higherIsBetter: false, target: 0.5);

        Assert.That(PngHeader.Size(file), Is.EqualTo((PlotStyle.WideWidth, PlotStyle.Height)));
    }
}
