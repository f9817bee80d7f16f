using System.Diagnostics;
using System.Text.Json;
using Descent.Cli;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Fakes;
using Descent.Tests.Tracking.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Tracking;

/// <summary><c>descent trial</c>, <c>runs</c> and <c>sync</c> with tracking, end to end.</summary>
[NonParallelizable]
public sealed class TrackingCommandLineTests
{
    private static readonly string[] Trial =
    [
        "trial", "--optimizer", "sgd", "--hp", "lr=0.1", "--objective", "quadratic2d", "--objective-arg", "a=0.1", "--start", "-5,-2", "--steps", "20", "--dtype", "float64",
    ];

    [Test]
    public async Task A_trial_is_recorded_in_the_local_store_with_its_pictures_and_the_json_names_the_run()
    {
        using var temp = new TempDirectory();
        string store = temp.Sub("mlruns");

        var run = CliRun.Of([.. Trial, "--json", "--tracking-uri", store, "--experiment", "cli"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        using var json = JsonDocument.Parse(run.Out);
        string runId = json.RootElement.GetProperty("run_id").GetString()!;
        string experimentId = json.RootElement.GetProperty("experiment_id").GetString()!;
        using var files = new FileTrackingStore(store);
        var recorded = await files.GetRunAsync(runId);
        Assert.That(recorded.Info.ExperimentId, Is.EqualTo(experimentId));
        Assert.That(files.GetExperiment(experimentId)!.Name, Is.EqualTo("cli"));
        Assert.That(recorded.Info.Status, Is.EqualTo(RunStatus.Finished));
        Assert.That(recorded.Params, Is.EquivalentTo(TrackedTrials.QuadraticParams(20)));
        Assert.That(recorded.LatestMetrics["final_loss"].Value, Is.EqualTo(json.RootElement.GetProperty("final_loss").GetDouble()));
        Assert.That((await files.ListArtifactsAsync(recorded.Info)).Select(a => a.Path),
            Is.EquivalentTo(new[] { "trial.json", "result.json", "history.csv", "loss.png", "trajectory.png" }));
        Assert.That(run.Error, Does.Contain($"tracked: run {runId} in experiment 'cli'"));
    }

    [Test]
    public void No_track_records_nothing_and_the_json_has_no_run()
    {
        using var temp = new TempDirectory();

        var run = CliRun.Of([.. Trial, "--json", "--no-track", "--tracking-uri", temp.Sub("mlruns")]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        Assert.That(run.Out, Does.Not.Contain("run_id"));
        Assert.That(Directory.Exists(temp.Sub("mlruns")), Is.False);
    }

    [Test]
    public async Task A_trial_that_cannot_start_leaves_its_run_failed_not_running()
    {
        using var temp = new TempDirectory();
        string store = temp.Sub("mlruns");

        var run = CliRun.Of("trial", "--optimizer", "sgd", "--objective", "linear-regression", "--dataset", "csv", "--dataset-arg", $"path={temp.Sub("missing.csv")}",
            "--offline", "--tracking-uri", store, "--experiment", "broken");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        using var files = new FileTrackingStore(store);
        var experiment = files.ListExperiments().Single(e => e.Name == "broken");
        var recorded = (await files.SearchRunsAsync(experiment.ExperimentId, RunFilter.All)).Single();
        Assert.That(recorded.Info.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(recorded.Info.EndTime, Is.Not.Null);
        Assert.That(recorded.Tags["descent.status"], Is.EqualTo("failed"));
    }

    [TestCase("sqlite:///mlflow.db", "not supported")]
    [TestCase("databricks://profile", "not supported")]
    [TestCase("http://", "not a valid server address")]
    public void An_unusable_tracking_uri_is_a_usage_error_before_the_trial_runs(string uri, string problem)
    {
        var run = CliRun.Of([.. Trial, "--tracking-uri", uri]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Does.StartWith("error: tracking URI").And.Contain(problem));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        Assert.That(run.Out, Is.Empty, "nothing ran");
    }

    [Test]
    public void Runs_lists_the_experiments_runs_with_optimizer_hyperparameters_and_final_loss()
    {
        using var temp = new TempDirectory();
        string store = temp.Sub("mlruns");
        var first = CliRun.Of([.. Trial, "--json", "--tracking-uri", store]);
        var second = CliRun.Of(["trial", "--optimizer", "momentum", "--hp", "lr=0.0001", "--hp", "momentum=0.9", "--objective", "rosenbrock", "--steps", "5", "--json", "--tracking-uri", store]);

        var listed = CliRun.Of("runs", "--tracking-uri", store, "--json");
        var table = CliRun.Of("runs", "--tracking-uri", store);

        Assert.That(listed.ExitCode, Is.EqualTo(ExitCodes.Ok), listed.Error);
        using var json = JsonDocument.Parse(listed.Out);
        var runs = json.RootElement.EnumerateArray().ToArray();
        Assert.That(runs.Select(r => r.GetProperty("run_id").GetString()), Is.EquivalentTo(new[] { RunId(first), RunId(second) }));
        var momentum = runs.Single(r => r.GetProperty("optimizer").GetString() == "momentum");
        Assert.That(momentum.GetProperty("status").GetString(), Is.EqualTo("FINISHED"));
        Assert.That(momentum.GetProperty("objective").GetString(), Is.EqualTo("rosenbrock"));
        Assert.That(momentum.GetProperty("hyperparameters").GetProperty("momentum").GetString(), Is.EqualTo("0.9"));
        Assert.That(momentum.GetProperty("final_loss").GetDouble(), Is.EqualTo(FinalLoss(second)));
        Assert.That(table.Out, Does.Contain("momentum lr=0.0001").And.Contain("sgd lr=0.1").And.Contain(RunId(first)[..8]));
    }

    [Test]
    public async Task An_unreachable_server_costs_one_warning_and_sync_later_delivers_the_run_once()
    {
        using var temp = new TempDirectory();
        await using var server = FakeMlflowServer.CreateStopped();
        string uri = server.Uri.AbsoluteUri.TrimEnd('/');
        using var environment = new EnvironmentScope(
            ("DESCENT_TRACKING_SPOOL", temp.Sub("spool")),
            ("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.01"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", "0"));

        var trial = CliRun.Of([.. Trial, "--json", "--tracking-uri", uri, "--experiment", "offline"]);

        Assert.That(trial.ExitCode, Is.EqualTo(ExitCodes.Ok), trial.Error);
        var warnings = trial.Error.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToArray();
        Assert.That(warnings, Has.Length.EqualTo(1), trial.Error);
        Assert.That(warnings[0], Does.Contain($"tracking server {uri} is unreachable").And.Contain(temp.Sub("spool")).And.Contain($"descent sync --to {uri}"));
        Assert.That(trial.Error, Does.Not.Contain("   at "), "no stack trace");
        using (var spool = new FileTrackingStore(temp.Sub("spool")))
        {
            Assert.That((await spool.GetRunAsync(RunId(trial))).Info.Status, Is.EqualTo(RunStatus.Finished));
        }

        await server.StartAsync();
        var sync = CliRun.Of("sync", "--to", uri);
        var again = CliRun.Of("sync", "--to", uri);

        Assert.That(sync.ExitCode, Is.EqualTo(ExitCodes.Ok), sync.Error);
        Assert.That(sync.Error, Does.Contain("1 created, 0 updated, 0 unchanged"));
        Assert.That(again.Error, Does.Contain("0 created, 0 updated, 1 unchanged"));
        var run = server.Backend.Runs.Single();
        Assert.That(run.History("loss"), Has.Count.EqualTo(21));
        Assert.That(run.Artifacts.Keys, Is.EquivalentTo(new[] { "trial.json", "result.json", "history.csv", "loss.png", "trajectory.png" }));
    }

    [Test]
    public void Sync_without_a_store_to_read_is_a_usage_error()
    {
        using var temp = new TempDirectory();

        var sync = CliRun.Of("sync", "--to", "http://127.0.0.1:1", "--from", temp.Sub("nothing"));

        Assert.That(sync.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(sync.Error, Does.Contain("nothing to sync").And.Contain(temp.Sub("nothing")));
    }

    [Test]
    public async Task Two_processes_tracking_into_one_new_store_lose_nothing()
    {
        using var temp = new TempDirectory();
        string store = temp.Sub("mlruns");
        string[] args = ["trial", "--optimizer", "sgd", "--hp", "lr=0.001", "--objective", "quadratic2d", "--steps", "3000", "--dtype", "float64", "--json", "--tracking-uri", store, "--experiment", "race"];

        var processes = new[] { DescentProcess.Start(args), DescentProcess.Start(args) };
        var results = await Task.WhenAll(processes.Select(p => DescentProcess.FinishAsync(p, TimeSpan.FromMinutes(2))));

        using var files = new FileTrackingStore(store);
        Assert.That(results.Select(r => r.ExitCode), Is.EqualTo(new[] { 0, 0 }), string.Join("\n", results.Select(r => r.Error)));
        Assert.That(files.ListExperiments().Select(e => e.Name), Is.EquivalentTo(new[] { "Default", "race" }));
        var experiment = files.ListExperiments().Single(e => e.Name == "race");
        var runs = await files.SearchRunsAsync(experiment.ExperimentId, RunFilter.All);
        Assert.That(runs.Select(r => r.RunId), Is.EquivalentTo(results.Select(r => RunId(r.Out))));
        foreach (var run in runs)
        {
            Assert.That(run.Info.Status, Is.EqualTo(RunStatus.Finished));
            foreach (string key in new[] { "loss", "trajectory/x_0", "trajectory/x_1" })
            {
                Assert.That((await files.GetMetricHistoryAsync(run.RunId, key)).Select(m => m.Step), Is.EqualTo(Enumerable.Range(0, 3001).Select(i => (long)i)), key);
            }
        }
    }

    [Test]
    public async Task Ctrl_C_ends_the_run_as_killed_after_flushing()
    {
        using var temp = new TempDirectory();
        string store = temp.Sub("mlruns");
        var process = DescentProcess.Start("trial", "--optimizer", "sgd", "--hp", "lr=0.0001", "--objective", "quadratic2d", "--steps", "100000000", "--json", "--tracking-uri", store);
        var finished = DescentProcess.FinishAsync(process, TimeSpan.FromMinutes(2));
        await WaitForAsync(() => Directory.Exists(store) && Directory.EnumerateFiles(store, "loss", SearchOption.AllDirectories).Any(), TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var (exitCode, output, error) = await finished;

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Interrupted), error);
        using var json = JsonDocument.Parse(output);
        using var files = new FileTrackingStore(store);
        var run = await files.GetRunAsync(json.RootElement.GetProperty("run_id").GetString()!);
        Assert.That(run.Info.Status, Is.EqualTo(RunStatus.Killed));
        Assert.That(run.Info.EndTime, Is.Not.Null);
        Assert.That(run.Tags["descent.status"], Is.EqualTo("killed"));
        Assert.That(await files.GetMetricHistoryAsync(run.RunId, "loss"), Has.Count.EqualTo(json.RootElement.GetProperty("history").GetArrayLength()), "every recorded point was flushed");
    }

    private static string RunId(CliRun run) => RunId(run.Out);

    private static string RunId(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("run_id").GetString()!;
    }

    private static double FinalLoss(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.GetProperty("final_loss").GetDouble();
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail("timed out waiting for the trial to start recording");
            }

            await Task.Delay(50);
        }
    }
}
