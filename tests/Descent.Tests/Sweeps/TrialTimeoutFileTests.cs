using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Workers;
using Descent.Tests.Benchmarks;
using Descent.Tests.Support;

namespace Descent.Tests.Sweeps;

/// <summary>
/// <c>timeout:</c> in experiment files: read with the command line's duration syntax, an entry's winning over the file's,
/// carried by each trial with the line that set it, and never part of a trial's identity.
/// </summary>
public sealed class TrialTimeoutFileTests
{
    private const string File = """
        name: limits
        objective: { id: quadratic2d }
        training: { steps: 5 }
        timeout: 5m
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.1, 0.2] }
          - id: momentum
            hyperparameters: { lr: 0.1, momentum: 0.5 }
            timeout: 90s
        """;

    [TestCase("90s", 90)]
    [TestCase("5m", 300)]
    [TestCase("2h", 7200)]
    [TestCase("1.5", 1.5)]
    [TestCase(" 0.25m ", 15)]
    public void A_duration_is_a_positive_number_of_seconds_minutes_or_hours(string text, double seconds)
    {
        Assert.That(TrialTimeLimit.TryParseDuration(text, out var duration), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("0")]
    [TestCase("-5s")]
    [TestCase("fast")]
    [TestCase("5d")]
    [TestCase("5ms")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("1e300h")]
    public void Anything_else_is_not_a_duration(string? text) => Assert.That(TrialTimeLimit.TryParseDuration(text, out _), Is.False);

    [Test]
    public void The_file_and_the_entry_set_limits_that_name_their_line()
    {
        var file = ExperimentFileParser.Parse("limits.yaml", File);

        Assert.That(file.Problems, Is.Empty);
        Assert.That(file.Timeout, Is.EqualTo(new TrialTimeLimit(TimeSpan.FromMinutes(5), "timeout: 5m, limits.yaml line 4")));
        Assert.That(file.Optimizers.Select(e => e.Timeout), Is.EqualTo(new TrialTimeLimit?[] { null, new(TimeSpan.FromSeconds(90), "timeout: 90s, limits.yaml line 10") }));
    }

    [Test]
    public void Each_trial_carries_its_entry_s_limit_else_the_file_s()
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Parse("limits.yaml", File), TestEngine.Catalog);

        Assert.That(plan.Trials.Select(t => (t.Configuration, t.Timeout?.Limit.TotalSeconds)), Is.EqualTo(new (string, double?)[]
        {
            ("sgd lr=0.1", 300), ("sgd lr=0.2", 300), ("momentum lr=0.1 momentum=0.5", 90),
        }));
        Assert.That(plan.Trials[2].Timeout!.Message(), Is.EqualTo("timed out after 90 s (timeout: 90s, limits.yaml line 10); its worker was killed"));
    }

    [Test]
    public void A_file_without_limits_gives_trials_without_limits()
    {
        var plan = SweepExpander.Expand(ExperimentFileParser.Parse("limits.yaml", Without(File)), TestEngine.Catalog);

        Assert.That(plan.Trials.Select(t => t.Timeout), Has.All.Null);
    }

    [Test]
    public void A_limit_changes_no_trial_s_identity()
    {
        var limited = SweepExpander.Expand(ExperimentFileParser.Parse("limits.yaml", File), TestEngine.Catalog);
        var unlimited = SweepExpander.Expand(ExperimentFileParser.Parse("limits.yaml", Without(File)), TestEngine.Catalog);

        Assert.That(limited.Trials.Select(t => t.Identity), Is.EqualTo(unlimited.Trials.Select(t => t.Identity)));
        Assert.That(limited.Trials.Select(t => t.Identity).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void A_sweep_too_large_to_list_gives_the_same_limits()
    {
        var file = ExperimentFileParser.Parse("limits.yaml", File);
        var listed = SweepExpander.Expand(file, TestEngine.Catalog);
        var unlisted = SweepExpander.Expand(file, TestEngine.Catalog, listedLimit: 1);

        Assert.That(unlisted.Trials.Select(t => (t.Identity, t.Timeout)), Is.EqualTo(listed.Trials.Select(t => (t.Identity, t.Timeout))));
    }

    [Test]
    public void A_benchmark_optimizer_entry_takes_a_limit_for_its_tuning_trials_and_reruns()
    {
        string text = BenchmarkFiles.Text().Replace(
            "hyperparameters: { lr: { loguniform: [0.0001, 0.01] } }\n",
            "hyperparameters: { lr: { loguniform: [0.0001, 0.01] } }\n    timeout: 2m\n",
            StringComparison.Ordinal);
        var plan = BenchmarkExpander.Expand(BenchmarkFileParser.Parse("bench.yaml", text), TestEngine.Catalog);

        var sgd = plan.Tuning.Where(t => t.Cell.Optimizer.Id == "sgd").ToArray();
        Assert.That(sgd, Has.Length.EqualTo(2 * 2 * 4), "two workloads, two studies, four trials");
        Assert.That(sgd.Select(t => t.Sweep.Timeout?.Limit), Has.All.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(plan.Tuning.Where(t => t.Cell.Optimizer.Id == "momentum").Select(t => t.Sweep.Timeout), Has.All.Null);
        Assert.That(plan.Reruns(sgd[0]).Select(t => t.Sweep.Timeout?.Limit), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2) }));
    }

    private static string Without(string text) =>
        text.Replace("timeout: 5m\n", "", StringComparison.Ordinal).Replace("\n    timeout: 90s", "", StringComparison.Ordinal);
}
