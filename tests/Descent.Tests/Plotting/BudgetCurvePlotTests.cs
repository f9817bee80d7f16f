using Descent.Plotting;
using Descent.Tests.Support;

namespace Descent.Tests.Plotting;

/// <summary>The tuning-budget picture: its argument checks and its file.</summary>
public sealed class BudgetCurvePlotTests
{
    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return new TestCaseData(Array.Empty<BudgetSeries>(), null, "series is empty").SetName("No budget series is refused");
        yield return new TestCaseData(new[] { new BudgetSeries("adam", [], [], []) }, null, "'adam' has no values").SetName("A budget series without values is refused");
        yield return new TestCaseData(new[] { new BudgetSeries("adam", [0.9, 0.95, 0.96], [0.8, 0.9], [1, 1, 1]) }, null, "'adam' has 3 expected values but 2 lower and 3 upper")
            .SetName("A band shorter than its curve is refused");
        yield return new TestCaseData(new[] { new BudgetSeries("adam", [0.9], [0.8], [1]) }, double.NaN, "target NaN must be finite").SetName("A NaN budget target is refused");
    }

    [TestCaseSource(nameof(BadArguments))]
    public void Bad_arguments_are_refused_with_the_bad_value(BudgetSeries[] series, double? target, string message)
    {
        var error = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => BudgetCurvePlot.Create(series, "accuracy", "t", target));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void The_picture_is_a_wide_png_even_with_a_diverged_value()
    {
        using var temp = new ScratchDirectory();
        string file = temp.File("budget.png");
        var series = new[]
        {
            new BudgetSeries("sgd", [double.NaN, 0.9, 0.93], [double.NaN, 0.85, 0.9], [double.NaN, 0.92, 0.95]),
            new BudgetSeries("adam", [0.9, 0.95, 0.96], [0.85, 0.93, 0.95], [0.93, 0.96, 0.97]),
        };

        BudgetCurvePlot.SavePng(file, series, "best validation accuracy", "budget", target: 0.95);

        Assert.That(PngHeader.Size(file), Is.EqualTo((PlotStyle.WideWidth, PlotStyle.Height)));
    }
}
