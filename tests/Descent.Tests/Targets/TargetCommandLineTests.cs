using System.Globalization;
using System.Text.Json;
using Descent.Cli;
using Descent.Tests.Datasets;
using Descent.Tests.Support;

namespace Descent.Tests.Targets;

/// <summary><c>descent trial --target</c>: its syntax and messages (exit code 2), and the time to target in the JSON and the summary.</summary>
public sealed class TargetCommandLineTests
{
    private TempDirectory data = null!;

    [OneTimeSetUp]
    public void WriteTheImages()
    {
        data = new TempDirectory();
        SeparableImages.Write(data.Path);
    }

    [OneTimeTearDown]
    public void Dispose() => data.Dispose();

    private string[] Trial => [
        "trial", "--optimizer", "torch-sgd", "--hp", "lr=0.05", "--objective", "logistic-regression", "--dataset", "mnist",
        "--dataset-arg", "valid_rows=200", "--epochs", "2", "--batch-size", "25", "--eval-every", "50",
        "--data-dir", data.Path, "--offline", "--no-track",
    ];

    [TestCase(new[] { "--target", "valid/accuracy" }, "error: --target 'valid/accuracy' is not METRIC=VALUE; write it as METRIC=VALUE, e.g. valid/accuracy=0.9 or test/loss=0.35 (accuracies are reached at >= VALUE, losses at <=)")]
    [TestCase(new[] { "--target", "valid/accuracy=high" }, "error: target value 'high' is not a finite number; give one, e.g. valid/accuracy=0.9")]
    [TestCase(new[] { "--target", "valid/f1=0.9" }, "error: target metric 'valid/f1' names neither an accuracy nor a loss, so whether it is reached from above or below is unknown; add mode: max or mode: min")]
    [TestCase(new[] { "--target", "valid/accuracy=0.9", "--target-mode", "up" }, "error: target mode 'up' is neither max nor min; max: reached at >= value (accuracies), min: at <= value (losses)")]
    [TestCase(new[] { "--stop-at-target" }, "error: --stop-at-target is given without --target; give the target as --target METRIC=VALUE, e.g. valid/accuracy=0.9 or test/loss=0.35 (accuracies are reached at >= VALUE, losses at <=)")]
    [TestCase(new[] { "--target", "validation/accuracy=0.9" }, "error: target metric 'validation/accuracy' is not one this trial records; use one of: train/loss, train_eval/loss, train_eval/accuracy, valid/loss, valid/accuracy, test/loss, test/accuracy")]
    public void Bad_targets_exit_with_2_and_say_what_to_write(string[] target, string expected)
    {
        var run = CliRun.Of([.. Trial, .. target]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Out);
        Assert.That(run.Error.Split('\n').Select(l => l.TrimEnd('\r')), Has.Some.EqualTo(expected), run.Error);
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Json_has_the_time_to_target_of_the_first_evaluation_that_reached_it_and_null_without_a_target()
    {
        var plain = CliRun.Of([.. Trial, "--json"]);
        Assert.That(plain.ExitCode, Is.EqualTo(ExitCodes.Ok), plain.Error);
        using var plainJson = JsonDocument.Parse(plain.Out);
        Assert.That(plainJson.RootElement.GetProperty("time_to_target").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var valid = plainJson.RootElement.GetProperty("evaluations").EnumerateArray().Where(e => e.GetProperty("split").GetString() == "valid")
            .Select(e => (Samples: e.GetProperty("samples").GetInt64(), Accuracy: e.GetProperty("accuracy").GetDouble())).ToArray();
        double value = valid[3].Accuracy;
        var first = valid.First(e => e.Accuracy >= value);

        var run = CliRun.Of([.. Trial, "--target", $"valid/accuracy={value.ToString("R", CultureInfo.InvariantCulture)}", "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var reached = json.RootElement.GetProperty("time_to_target");
        Assert.Multiple(() =>
        {
            Assert.That(reached.GetProperty("samples").GetInt64(), Is.EqualTo(first.Samples));
            Assert.That(reached.GetProperty("steps").GetInt64(), Is.EqualTo(first.Samples / 25));
            var evaluation = json.RootElement.GetProperty("evaluations").EnumerateArray()
                .First(e => e.GetProperty("split").GetString() == "valid" && e.GetProperty("samples").GetInt64() == first.Samples);
            Assert.That(reached.GetProperty("seconds").GetDouble(), Is.EqualTo(evaluation.GetProperty("train_seconds").GetDouble()));
            Assert.That(json.RootElement.GetProperty("target").GetProperty("mode").GetString(), Is.EqualTo("max"));
            Assert.That(json.RootElement.GetProperty("stopped_at_target").GetBoolean(), Is.False);
        });
    }

    [Test]
    public void The_summary_says_where_the_target_was_reached_and_that_the_trial_stopped_there()
    {
        var run = CliRun.Of([.. Trial, "--target", "valid/loss=1e9", "--stop-at-target"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Contain("status  finished (stopped at target) after 0 epochs (0 steps, 0 samples)"));
        Assert.That(run.Out, Does.Match(@"target  valid/loss <= 1000000000 reached at step 0 \(0 samples, 0 s of training\); stopped there"));
    }
}
