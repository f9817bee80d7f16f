using Descent.Plotting;
using Descent.Tests.Support;

namespace Descent.Tests.Plotting;

/// <summary>The rank heatmap: its mean row, shading and labels, argument checks and the file's size.</summary>
public sealed class RankHeatmapPlotTests
{
    private const double NaN = double.NaN;

    [Test]
    public void The_mean_row_leaves_out_unranked_workloads()
    {
        double[][] ranks = [[1, 2, NaN], [2, 1, NaN], [1.5, 1.5, NaN], [1, 3, 2]];

        var means = RankHeatmapPlot.MeanRanks(ranks);

        Assert.That(means, Is.EqualTo(new[] { 1.375, 1.875, 2 }));
    }

    [Test]
    public void An_optimizer_ranked_nowhere_has_no_mean() =>
        Assert.That(RankHeatmapPlot.MeanRanks([[1, NaN], [1, NaN]])[1], Is.NaN);

    [TestCase(1, 1.0)]
    [TestCase(7, 0.0)]
    [TestCase(4, 0.5)]
    [TestCase(1.5, 11.0 / 12)]
    public void The_best_rank_is_darkest_and_the_worst_palest(double rank, double shade) =>
        Assert.That(RankHeatmapPlot.CellShade(rank, optimizers: 7), Is.EqualTo(shade).Within(1e-15));

    [TestCase(2, "2")]
    [TestCase(1.5, "1.5")]
    [TestCase(10.0 / 3, "3.33")]
    [TestCase(NaN, "-")]
    public void A_cell_shows_its_rank_with_at_most_two_decimals(double rank, string text) =>
        Assert.That(RankHeatmapPlot.Label(rank), Is.EqualTo(text));

    [Test]
    public void The_picture_grows_past_seven_optimizers_and_five_workloads()
    {
        Assert.That(RankHeatmapPlot.WidthFor(4), Is.EqualTo(PlotStyle.Width));
        Assert.That(RankHeatmapPlot.WidthFor(12), Is.EqualTo(1280));
        Assert.That(RankHeatmapPlot.HeightFor(4), Is.EqualTo(PlotStyle.PanelHeight));
        Assert.That(RankHeatmapPlot.HeightFor(12), Is.EqualTo(670));
    }

    private static IEnumerable<TestCaseData> BadArguments()
    {
        string[] two = ["sgd", "adam"];
        yield return new TestCaseData(Array.Empty<string>(), two, Array.Empty<double[]>(), "workloads is empty").SetName("No workload rows are refused");
        yield return new TestCaseData(new[] { "mnist" }, Array.Empty<string>(), new[] { Array.Empty<double>() }, "optimizers is empty").SetName("No optimizer columns are refused");
        yield return new TestCaseData(new[] { "mnist", "cifar" }, two, new[] { new double[] { 1, 2 } }, "ranks has 1 rows but there are 2 workloads")
            .SetName("Fewer rank rows than workloads are refused");
        yield return new TestCaseData(new[] { "mnist" }, two, new[] { new double[] { 1 } }, "ranks row 0 ('mnist') has 1 ranks but there are 2 optimizers")
            .SetName("A rank row shorter than the optimizers is refused");
        yield return new TestCaseData(new[] { "mnist" }, two, new[] { new double[] { 1, 3 } }, "rank of 'adam' on 'mnist' is 3")
            .SetName("A rank past the number of optimizers is refused");
        yield return new TestCaseData(new[] { "mnist" }, two, new[] { new double[] { 0, 1 } }, "rank of 'sgd' on 'mnist' is 0")
            .SetName("A rank below one is refused");
    }

    [TestCaseSource(nameof(BadArguments))]
    public void Bad_arguments_are_refused_with_the_bad_value(string[] workloads, string[] optimizers, double[][] ranks, string message)
    {
        var error = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => RankHeatmapPlot.Create(workloads, optimizers, ranks, "t"));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void The_picture_has_the_size_for_its_rows_and_columns()
    {
        using var temp = new ScratchDirectory();
        string file = temp.File("ranks.png");
        string[] workloads = [.. Enumerable.Range(1, 8).Select(i => $"workload-{i}")];
        double[][] ranks = [.. workloads.Select((_, w) => new double[] { 1 + (w % 3), 1 + ((w + 1) % 3), w == 0 ? NaN : 1 + ((w + 2) % 3) })];

        RankHeatmapPlot.SavePng(file, workloads, ["sgd", "adam", "adamw"], ranks, "ranks");

        Assert.That(PngHeader.Size(file), Is.EqualTo((RankHeatmapPlot.WidthFor(3), RankHeatmapPlot.HeightFor(8))));
        Assert.That(RankHeatmapPlot.HeightFor(8), Is.EqualTo(510));
    }
}
