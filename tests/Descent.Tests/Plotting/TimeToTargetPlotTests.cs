using Descent.Plotting;
using Descent.Tests.Support;

namespace Descent.Tests.Plotting;

/// <summary>The time-to-target bars: the log-axis decision, bar positions, argument checks and the file.</summary>
public sealed class TimeToTargetPlotTests
{
    private const double Inf = double.PositiveInfinity;

    private static TimeToTargetGroup Group(string workload, params TimeToTargetBar[] bars) => new(workload, bars);

    [Test]
    public void Times_spanning_exactly_two_decades_keep_a_linear_axis() =>
        Assert.That(TimeToTargetPlot.ShouldUseLog([Group("a", new TimeToTargetBar(100, 10, 1000), new TimeToTargetBar(Inf, Inf, Inf))]), Is.False);

    [Test]
    public void Times_spanning_more_than_two_decades_get_a_log_axis() =>
        Assert.That(TimeToTargetPlot.ShouldUseLog([Group("a", new TimeToTargetBar(100, 10, 500)), Group("b", new TimeToTargetBar(1001, 1000, 1002))]), Is.True);

    [Test]
    public void The_quartiles_of_a_missed_target_do_not_count_towards_the_span() =>
        Assert.That(TimeToTargetPlot.ShouldUseLog([Group("a", new TimeToTargetBar(100, 90, 110), new TimeToTargetBar(Inf, 1, Inf))]), Is.False);

    [TestCase(0.5, -1)]
    [TestCase(1, -1)]
    [TestCase(20, 1)]
    [TestCase(1000, 2)]
    public void The_log_axis_starts_a_quarter_decade_or_more_below_the_fastest_time(double smallest, double exponent) =>
        Assert.That(TimeToTargetPlot.LogBase(smallest), Is.EqualTo(exponent));

    [TestCase(0, 0, 4, -0.3)]
    [TestCase(1, 3, 4, 1.3)]
    [TestCase(2, 0, 1, 2.0)]
    public void Bars_share_eight_tenths_of_their_group_in_optimizer_order(int group, int optimizer, int optimizers, double centre) =>
        Assert.That(TimeToTargetPlot.Position(group, optimizer, optimizers), Is.EqualTo(centre).Within(1e-12));

    private static IEnumerable<TestCaseData> BadArguments()
    {
        yield return new TestCaseData(Array.Empty<string>(), new[] { Group("mnist") }, "optimizers is empty").SetName("No optimizers are refused");
        yield return new TestCaseData(new[] { "sgd" }, Array.Empty<TimeToTargetGroup>(), "groups is empty").SetName("No workloads are refused");
        yield return new TestCaseData(new[] { "sgd", "adam" }, new[] { Group("mnist", new TimeToTargetBar(5, 4, 6)) }, "workload 'mnist' has 1 bars but there are 2 optimizers")
            .SetName("A workload with a bar missing is refused");
        yield return new TestCaseData(new[] { "sgd" }, new[] { Group("mnist", new TimeToTargetBar(0, 0, 0)) }, "workload 'mnist' optimizer 'sgd' has median 0")
            .SetName("A zero time is refused");
        yield return new TestCaseData(new[] { "sgd" }, new[] { Group("mnist", new TimeToTargetBar(5, 6, 7)) }, "median 5 with quartiles 6 to 7")
            .SetName("A lower quartile above the median is refused");
    }

    [TestCaseSource(nameof(BadArguments))]
    public void Bad_arguments_are_refused_with_the_bad_value(string[] optimizers, TimeToTargetGroup[] groups, string message)
    {
        var error = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => TimeToTargetPlot.Create(optimizers, groups, "steps", "t"));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [TestCase(10.0, TestName = "A time-to-target picture on a linear axis is a wide png")]
    [TestCase(10_000.0, TestName = "A time-to-target picture on a log axis is a wide png")]
    public void The_picture_is_a_wide_png(double slow)
    {
        using var temp = new ScratchDirectory();
        string file = temp.File("time.png");
        var groups = new[] { Group("mnist", new TimeToTargetBar(5, 4, 6), new TimeToTargetBar(Inf, Inf, Inf)), Group("cifar", new TimeToTargetBar(slow, slow / 2, Inf), new TimeToTargetBar(8, 7, 9)) };

        TimeToTargetPlot.SavePng(file, ["sgd", "adam"], groups, "steps to target", "time to target");

        Assert.That(PngHeader.Size(file), Is.EqualTo((PlotStyle.WideWidth, PlotStyle.Height)));
    }
}
