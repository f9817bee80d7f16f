using Descent.Engine.Targets;

namespace Descent.Tests.Targets;

/// <summary>A target's direction from its metric's name, when a value reaches it, and how it reads from text.</summary>
public sealed class TrialTargetTests
{
    [TestCase("valid/accuracy", TargetMode.Max)]
    [TestCase("test/accuracy", TargetMode.Max)]
    [TestCase("train_eval/accuracy", TargetMode.Max)]
    [TestCase("valid/loss", TargetMode.Min)]
    [TestCase("train/loss", TargetMode.Min)]
    [TestCase("test/Loss", TargetMode.Min)]
    public void Accuracies_are_reached_from_below_and_losses_from_above(string metric, TargetMode mode) =>
        Assert.That(TrialTarget.InferMode(metric), Is.EqualTo(mode));

    [TestCase("valid/f1")]
    [TestCase("valid/perplexity")]
    public void Other_names_have_no_direction(string metric) => Assert.That(TrialTarget.InferMode(metric), Is.Null);

    [Test]
    public void The_value_itself_reaches_the_target_either_way_and_nan_never_does()
    {
        var max = new TrialTarget("valid/accuracy", 0.9, TargetMode.Max);
        var min = new TrialTarget("valid/loss", 0.35, TargetMode.Min);

        Assert.Multiple(() =>
        {
            Assert.That(max.IsReachedBy(0.9), Is.True);
            Assert.That(max.IsReachedBy(Math.BitDecrement(0.9)), Is.False);
            Assert.That(max.IsReachedBy(double.NaN), Is.False);
            Assert.That(min.IsReachedBy(0.35), Is.True);
            Assert.That(min.IsReachedBy(Math.BitIncrement(0.35)), Is.False);
            Assert.That(min.IsReachedBy(double.NaN), Is.False);
        });
    }

    [Test]
    public void The_command_line_form_infers_the_mode_unless_given()
    {
        Assert.That(TrialTarget.Parse("valid/accuracy=0.9", null, stop: false, out string? error), Is.EqualTo(new TrialTarget("valid/accuracy", 0.9, TargetMode.Max)));
        Assert.That(error, Is.Null);
        Assert.That(TrialTarget.Parse(" test/loss = 0.35 ", null, stop: true, out _), Is.EqualTo(new TrialTarget("test/loss", 0.35, TargetMode.Min, Stop: true)));
        Assert.That(TrialTarget.Parse("valid/f1=0.5", "MAX", stop: false, out _), Is.EqualTo(new TrialTarget("valid/f1", 0.5, TargetMode.Max)));
        Assert.That(new TrialTarget("valid/loss", 0.35, TargetMode.Min).Describe(), Is.EqualTo("valid/loss <= 0.35"));
    }

    [TestCase("=0.9", "--target '=0.9' is not METRIC=VALUE; write it as METRIC=VALUE, e.g. valid/accuracy=0.9 or test/loss=0.35 (accuracies are reached at >= VALUE, losses at <=)")]
    [TestCase("valid/accuracy=", "--target 'valid/accuracy=' is not METRIC=VALUE; write it as METRIC=VALUE, e.g. valid/accuracy=0.9 or test/loss=0.35 (accuracies are reached at >= VALUE, losses at <=)")]
    [TestCase("valid/accuracy=inf", "target value 'inf' is not a finite number; give one, e.g. valid/accuracy=0.9")]
    [TestCase("valid/accuracy=NaN", "target value 'NaN' is not a finite number; give one, e.g. valid/accuracy=0.9")]
    public void Bad_text_is_refused_with_what_to_write(string text, string expected)
    {
        Assert.That(TrialTarget.Parse(text, null, stop: false, out string? error), Is.Null);
        Assert.That(error, Is.EqualTo(expected));
    }
}
