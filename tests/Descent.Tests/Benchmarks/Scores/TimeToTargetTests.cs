using Descent.Benchmarks.Scores;

namespace Descent.Tests.Benchmarks.Scores;

/// <summary>The first evaluation at the target gives the time; a miss is +∞; a divergence misses unless it came after the target.</summary>
public sealed class TimeToTargetTests
{
    private static readonly CurvePoint[] Loss =
    [
        new(0, 0.0, 2.0),
        new(100, 1.5, 0.9),
        new(200, 3.0, 0.5),
        new(300, 4.5, 0.4),
    ];

    [Test]
    public void The_first_point_at_or_below_a_minimized_target_gives_steps_and_seconds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TimeToTarget.Of(Loss, new Target(Goal.Minimize, 0.5)), Is.EqualTo(new TimeToTarget(200, 3.0)), "0.5 ≤ 0.5 counts");
            Assert.That(TimeToTarget.Of(Loss, new Target(Goal.Minimize, 0.95)), Is.EqualTo(new TimeToTarget(100, 1.5)));
            Assert.That(TimeToTarget.Of(Loss, new Target(Goal.Minimize, 3.0)), Is.EqualTo(new TimeToTarget(0, 0.0)), "reached before training");
        });
    }

    [Test]
    public void A_maximized_target_is_reached_at_or_above_it()
    {
        CurvePoint[] accuracy = [new(10, 1, 0.50), new(20, 2, 0.90), new(30, 3, 0.80), new(40, 4, 0.95)];

        Assert.Multiple(() =>
        {
            Assert.That(TimeToTarget.Of(accuracy, new Target(Goal.Maximize, 0.9)), Is.EqualTo(new TimeToTarget(20, 2)));
            Assert.That(TimeToTarget.Of(accuracy, new Target(Goal.Maximize, 0.92)), Is.EqualTo(new TimeToTarget(40, 4)));
        });
    }

    [Test]
    public void A_miss_is_positive_infinity_never_NaN()
    {
        var miss = TimeToTarget.Of(Loss, new Target(Goal.Minimize, 0.1));

        Assert.Multiple(() =>
        {
            Assert.That(miss.Steps, Is.EqualTo(double.PositiveInfinity));
            Assert.That(miss.Seconds, Is.EqualTo(double.PositiveInfinity));
            Assert.That(miss.Reached, Is.False);
            Assert.That(TimeToTarget.Of([], new Target(Goal.Minimize, 0.1)), Is.EqualTo(TimeToTarget.Miss), "a trial with no evaluation misses");
        });
    }

    [Test]
    public void A_diverged_curve_misses_unless_it_reached_the_target_first()
    {
        CurvePoint[] diverged = [new(0, 0, 2.0), new(100, 1, 0.6), new(200, 2, double.NaN), new(300, 3, 0.1)];

        Assert.Multiple(() =>
        {
            Assert.That(TimeToTarget.Of(diverged, new Target(Goal.Minimize, 0.5)), Is.EqualTo(TimeToTarget.Miss), "0.1 after the NaN does not count");
            Assert.That(TimeToTarget.Of(diverged, new Target(Goal.Minimize, 0.7)), Is.EqualTo(new TimeToTarget(100, 1)));
        });
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        yield return new TestCaseData((Action)(() => _ = new Target(Goal.Minimize, double.NaN)), "Invalid target value NaN");
        yield return new TestCaseData((Action)(() => _ = new Target(Goal.Maximize, double.PositiveInfinity)), $"Invalid target value {double.PositiveInfinity}");
        yield return new TestCaseData((Action)(() => _ = new Target((Goal)7, 1)), "Invalid goal 7");
        yield return new TestCaseData((Action)(() => TimeToTarget.Of([new(10, 1, 1), new(5, 2, 1)], new Target(Goal.Minimize, 0))), "points[1].Step is 5, before points[0].Step = 10");
        yield return new TestCaseData((Action)(() => TimeToTarget.Of([new(-1, 1, 1)], new Target(Goal.Minimize, 0))), "points[0].Step is -1");
        yield return new TestCaseData((Action)(() => TimeToTarget.Of([new(1, double.NaN, 1)], new Target(Goal.Minimize, 0))), "points[0].Seconds is NaN");
    }

    [TestCaseSource(nameof(BadInputs))]
    public void Bad_inputs_are_refused_with_a_message_naming_the_value(Action call, string message) =>
        Assert.That(Assert.Catch<ArgumentException>(call)!.Message, Does.Contain(message));
}
