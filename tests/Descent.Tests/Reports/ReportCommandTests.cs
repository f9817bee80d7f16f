using Descent.Cli;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Reports;

/// <summary>
/// <c>descent sweep</c> writing the report of a complete sweep, and <c>descent report</c> by file and by
/// experiment, end to end over a small analytic sweep: every picture kind, the parent's artifacts, the errors.
/// </summary>
public sealed class ReportCommandTests
{
    private const string Experiment = """
        name: report-cli-test
        description: A small sweep for the report tests.
        objective: { id: quadratic2d, args: { a: 0.1, b: 2, start: [-5, -2] } }
        training: { steps: 8, dtype: float64 }
        seeds: 2
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.05, 0.1, 0.2] }
          - id: momentum
            hyperparameters: { lr: 0.1, momentum: 0.5 }
          - id: sgd
            label: gd on x^2
            objective: { id: square1d, args: { start: [10] } }
            hyperparameters: { lr: 0.2 }
        """;

    private TempDirectory temp = null!;
    private string file = null!;
    private string store = null!;
    private CliRun sweep = null!;

    private string SweepReport => temp.Sub("sweep-report");

    [OneTimeSetUp]
    public void RunTheSweep()
    {
        temp = new TempDirectory();
        file = temp.Sub("report-cli-test.yaml");
        File.WriteAllText(file, Experiment);
        store = temp.Sub("mlruns");
        sweep = CliRun.Of("sweep", file, "--tracking-uri", store, "--report-dir", SweepReport);
    }

    [OneTimeTearDown]
    public void RemoveTheFiles() => temp.Dispose();

    [Test]
    public async Task A_complete_sweep_writes_its_report_and_attaches_it_to_the_parent_run()
    {
        Assert.That(sweep.ExitCode, Is.EqualTo(ExitCodes.Ok), sweep.Error);
        Assert.That(sweep.Error, Does.Contain($"report  {Path.Combine(SweepReport, "index.html")}"));
        Assert.That(Path.Combine(SweepReport, "index.html"), Does.Exist);
        Assert.That(Path.Combine(SweepReport, "report.md"), Does.Exist);

        using var tracking = new FileTrackingStore(store);
        var experiment = (await tracking.GetExperimentByNameAsync("report-cli-test"))!;
        var parent = (await tracking.SearchRunsAsync(experiment.ExperimentId, RunFilter.Tag("descent.run_kind", "sweep"))).Single();
        var artifacts = (await tracking.ListArtifactsAsync(parent.Info)).Select(a => a.Path).ToArray();
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Finished));
        Assert.That(artifacts, Is.SupersetOf(new[]
        {
            "experiment.yaml", "report/index.html", "report/report.md", "report/loss-1.png", "report/lr-1.png", "report/trajectory-1-1.png", "report/trajectory-2-1.png",
        }));
        Assert.That(artifacts.Count(a => a.StartsWith("report/", StringComparison.Ordinal)), Is.EqualTo(Directory.GetFiles(SweepReport).Length));
    }

    [TestCase("loss-1.png", TestName = "Loss curves are drawn")]
    [TestCase("loss-2.png", TestName = "Loss curves of a second group are drawn")]
    [TestCase("lr-1.png", TestName = "Final loss against learning rate is drawn")]
    [TestCase("trajectory-1-1.png", TestName = "A 2-D trajectory panel is drawn")]
    [TestCase("trajectory-2-1.png", TestName = "A 1-D trajectory panel is drawn")]
    public void Each_picture_kind_is_a_png(string name)
    {
        string path = Path.Combine(SweepReport, name);

        Assert.That(path, Does.Exist);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.That(bytes[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.That(bytes, Has.Length.GreaterThan(10_000), "a picture, not an empty canvas");
    }

    [Test]
    public void The_sweep_report_lists_every_configuration_with_its_two_seeds()
    {
        string markdown = File.ReadAllText(Path.Combine(SweepReport, "report.md"));

        Assert.That(markdown, Does.Contain("## 1. quadratic2d, 8 steps").And.Contain("## 2. square1d, 8 steps"));
        foreach (string configuration in new[] { "sgd lr=0.05", "sgd lr=0.1", "sgd lr=0.2", "momentum lr=0.1 momentum=0.5", "gd on x^2 lr=0.2" })
        {
            Assert.That(markdown, Does.Contain($"| {configuration} | 2 | "));
        }

        Assert.That(markdown, Does.Contain("10 trials in the sweep: 10 finished, 0 diverged, 0 failed or killed"));
    }

    [Test]
    public void The_report_command_reads_the_sweep_by_its_file()
    {
        string output = temp.Sub("by-file");

        var run = CliRun.Of("report", file, "--tracking-uri", store, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Contain(Path.Combine(output, "index.html")));
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(Directory.GetFiles(SweepReport).Select(Path.GetFileName)));
    }

    [Test]
    public void The_report_command_reads_the_newest_complete_sweep_of_an_experiment()
    {
        string output = temp.Sub("by-experiment");

        var run = CliRun.Of("report", "--experiment", "report-cli-test", "--tracking-uri", store, "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(File.ReadAllText(Path.Combine(output, "report.md")), Does.Contain("10 trials in the sweep: 10 finished"));
    }

    [Test]
    public void A_missing_file_is_a_usage_error()
    {
        var run = CliRun.Of("report", temp.Sub("missing.yaml"), "--tracking-uri", store);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("missing.yaml").And.Contain("no such experiment file"));
    }

    [Test]
    public void An_unknown_experiment_is_a_usage_error()
    {
        var run = CliRun.Of("report", "--experiment", "nope", "--tracking-uri", store, "--out", temp.Sub("unused"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("error: no experiment 'nope' at file://").And.Contain("--tracking-uri"));
        Assert.That(temp.Sub("unused"), Does.Not.Exist);
    }

    [Test]
    public void A_sweep_with_no_runs_in_the_experiment_is_a_usage_error_that_says_it_may_still_run()
    {
        string other = temp.Sub("other.yaml");
        File.WriteAllText(other, Experiment.Replace("lr: [0.05, 0.1, 0.2]", "lr: [0.3]", StringComparison.Ordinal));

        var run = CliRun.Of("report", other, "--experiment", "report-cli-test", "--tracking-uri", store);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("0 of 6 trials have finished runs").And.Contain("may still be running"));
    }

    [Test]
    public void Neither_a_file_nor_an_experiment_is_a_usage_error()
    {
        var run = CliRun.Of("report", "--tracking-uri", store);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("name the sweep to report"));
    }

    [Test]
    public void A_shard_that_leaves_the_sweep_incomplete_writes_no_report_and_a_later_report_says_what_is_missing()
    {
        string shardStore = temp.Sub("mlruns-shard");
        string shardReport = temp.Sub("shard-report");

        var shard = CliRun.Of("sweep", file, "--shard", "0/2", "--tracking-uri", shardStore, "--report-dir", shardReport);
        var report = CliRun.Of("report", file, "--tracking-uri", shardStore, "--out", temp.Sub("partial"));

        Assert.That(shard.ExitCode, Is.EqualTo(ExitCodes.Ok), shard.Error);
        Assert.That(shard.Error, Does.Contain("report  not yet: 5 of 10 trials have finished runs"));
        Assert.That(shardReport, Does.Not.Exist);
        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Ok), report.Error);
        string html = File.ReadAllText(Path.Combine(temp.Sub("partial"), "index.html"));
        Assert.That(html, Does.Contain("Incomplete: 5 of 10 trials have finished runs"));
        Assert.That(html, Does.Contain("5 trials of the sweep have no finished run (the sweep may still be running)"));
    }

    [Test]
    public void No_report_leaves_the_sweep_without_one()
    {
        string noReport = temp.Sub("no-report");

        var run = CliRun.Of("sweep", file, "--no-report", "--tracking-uri", temp.Sub("mlruns-quiet"), "--report-dir", noReport);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(noReport, Does.Not.Exist);
        Assert.That(run.Error, Does.Not.Contain("report  "));
    }
}
