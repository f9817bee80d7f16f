using System.Text;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Tests.Tracking.Fakes;
using Descent.Tests.Tracking.Support;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;
using Descent.Tracking.Rest;

namespace Descent.Tests.Tracking;

/// <summary>
/// A real trial, tracked to a server that misbehaves in every way MLflow servers do: exactly the trial's
/// records reach it, each once, every metric in order.
/// </summary>
public sealed class TrialTrackingTests
{
    [Test]
    public async Task Exactly_the_trials_records_reach_a_misbehaving_server_once_each_in_order()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartNewAsync();
        server.Inject("experiments/create", new FakeFault.CreateRace());
        server.Inject("runs/create", new FakeFault.SlowAnswer(TimeSpan.FromSeconds(1)));
        server.Inject("runs/log-batch", new FakeFault.Fail(429, "REQUEST_LIMIT_EXCEEDED", RetryAfterSeconds: 1));
        server.Inject("runs/log-batch", new FakeFault.Fail(503), times: 4);
        server.Inject("runs/log-batch", new FakeFault.LoseAnswer());
        server.Inject("runs/log-batch", new FakeFault.Abort());
        server.Inject("runs/log-batch", new FakeFault.SlowStart(TimeSpan.FromMilliseconds(200)));
        server.Inject("mlflow-artifacts", new FakeFault.Fail(502));
        server.Inject("runs/update", new FakeFault.Fail(500, "INTERNAL_ERROR"));
        var logger = new CapturingLogger();
        using var session = TrackedTrials.Session(server, "rest", temp.Sub("spool"), logger, FastRetries.Options with { AttemptTimeout = TimeSpan.FromMilliseconds(500) });
        var trial = TrackedTrials.Quadratic(steps: 600);
        string artifacts = temp.Sub("artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "history.csv"), "step,loss\n");

        var tracker = session.StartTrial(trial);
        var result = TrackedTrials.Run(trial, tracker);
        var outcome = await tracker.FinishAsync(result, artifacts);

        var run = server.Backend.Runs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished));
            Assert.That(outcome.Spooled, Is.False, string.Join("; ", outcome.Warnings));
            Assert.That(outcome.RunId, Is.EqualTo(run.RunId));
            Assert.That(outcome.ExperimentId, Is.EqualTo(server.Backend.Experiments.Single(e => e.Name == "rest").ExperimentId));
            Assert.That(server.Backend.Experiments.Count(e => e.Name == "rest"), Is.EqualTo(1));
            Assert.That(run.Params, Is.EquivalentTo(TrackedTrials.QuadraticParams(600)));
            Assert.That(TrackedTrials.Points(run.Metrics), Is.EquivalentTo(TrackedTrials.ExpectedMetrics(result)));
            Assert.That(run.Tags[RunKeys.Tags.TrialHash], Is.EqualTo(TrialIdentity.Hash(trial)));
            Assert.That(run.Tags[RunKeys.Tags.Status], Is.EqualTo("finished"));
            Assert.That(run.Tags[MlflowTags.RunName], Is.EqualTo("sgd-quadratic2d-seed0"));
            Assert.That(run.Tags[MlflowTags.SourceType], Is.EqualTo("LOCAL"));
            Assert.That(run.Tags["descent.optimizer.sha256"], Is.EqualTo(trial.Optimizer.Plugin.AssemblySha256));
            Assert.That(run.Tags["descent.objective.version"], Is.EqualTo(trial.Objective.Plugin.Version));
            Assert.That(run.Tags.Keys, Is.SupersetOf(new[] { MlflowTags.User, MlflowTags.SourceName, RunOrigin.Tag, RunKeys.Tags.Os, RunKeys.Tags.Cpu, RunKeys.Tags.TorchSharpVersion, RunKeys.Tags.LibTorchVersion }));
            Assert.That(run.Status, Is.EqualTo("FINISHED"));
            Assert.That(run.EndTime, Is.GreaterThanOrEqualTo(run.StartTime));
            Assert.That(run.StartTime, Is.GreaterThan(1_600_000_000_000), "start_time is sent");
            Assert.That(run.Artifacts.Keys, Is.EquivalentTo(new[] { "trial.json", "history.csv" }));
            Assert.That(Encoding.UTF8.GetString(run.Artifacts["trial.json"]), Is.EqualTo(TrialIdentity.CanonicalJson(trial, indented: true) + "\n"));
            Assert.That(server.RequestsTo("runs/log-batch").Where(r => r.Status == 200).Select(r => r.Body.Length), Has.All.LessThan(1_000_000));
            Assert.That(logger.Lines, Has.Some.Contains("HTTP 503"), "retries are logged");
        });
    }

    [Test]
    public async Task A_full_queue_overflows_to_disk_and_everything_still_arrives_in_order()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        server.Inject("runs/log-batch", new FakeFault.SlowStart(TimeSpan.FromMilliseconds(50)), times: 20);
        using var session = TrackedTrials.Session(server, "overflow", null, recorder: new RecorderOptions(QueueCapacity: 64, BatchLinger: TimeSpan.Zero));

        var run = session.StartRun(new RunStart("many"));
        for (int i = 0; i < 5000; i++)
        {
            run.LogMetric("m", i, i);
        }

        long spilled = run.SpilledToDisk;
        var outcome = await run.FinishAsync(RunStatus.Finished);

        Assert.That(spilled, Is.GreaterThan(0), "the in-memory queue of 64 overflowed");
        Assert.That(outcome.Spooled, Is.False);
        Assert.That(server.Backend.Runs.Single().History("m").Select(m => m.Step), Is.EqualTo(Enumerable.Range(0, 5000).Select(i => (long)i)));
    }

    [Test]
    public async Task Big_batches_are_split_within_every_limit_of_log_batch()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var session = TrackedTrials.Session(server, "limits", null, recorder: new RecorderOptions(BatchLinger: TimeSpan.FromMilliseconds(200)));

        var run = session.StartRun(new RunStart("big"));
        for (int i = 0; i < 150; i++)
        {
            run.LogParam($"p{i}", new string('x', 6000));
            run.SetTag($"t{i}", new string('y', 5000));
        }

        for (int i = 0; i < 3500; i++)
        {
            run.LogMetric("m", i, i);
        }

        var outcome = await run.FinishAsync(RunStatus.Finished);

        var stored = server.Backend.Runs.Single();
        var batches = server.RequestsTo("runs/log-batch");
        Assert.That(outcome.Warnings, Is.Empty);
        Assert.That(batches.Select(b => b.Status), Has.All.EqualTo(200), "the fake refuses batches over 1000 metrics, 100 params, 100 tags, 1000 items or 1 MB");
        Assert.That(stored.Params, Has.Count.EqualTo(150));
        Assert.That(stored.Tags.Keys.Count(k => k.StartsWith('t')), Is.EqualTo(150));
        Assert.That(stored.History("m").Select(m => m.Step), Is.EqualTo(Enumerable.Range(0, 3500).Select(i => (long)i)));
    }

    [Test]
    public async Task A_killed_trial_is_flushed_and_ended_as_killed()
    {
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var session = TrackedTrials.Session(server, "killed", null);
        var trial = TrackedTrials.Quadratic(steps: 1_000_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var tracker = session.StartTrial(trial);
        var result = TrackedTrials.Run(trial, tracker, cancellation.Token);
        await tracker.FinishAsync(result);

        var run = server.Backend.Runs.Single();
        Assert.That(result.Status, Is.EqualTo(TrialStatus.Killed));
        Assert.That(run.Status, Is.EqualTo("KILLED"));
        Assert.That(run.EndTime, Is.Not.Null);
        Assert.That(run.Tags[RunKeys.Tags.Status], Is.EqualTo("killed"));
        Assert.That(run.History("loss"), Has.Count.EqualTo(result.History.Count), "every recorded point was flushed");
    }

    [Test]
    public async Task A_file_store_receives_the_same_records()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"));
        using var session = new TrackingSession(store, "local", recorder: new RecorderOptions(BatchLinger: TimeSpan.FromMilliseconds(5)));
        var trial = TrackedTrials.Quadratic(steps: 50);

        var tracker = session.StartTrial(trial);
        var result = TrackedTrials.Run(trial, tracker);
        var outcome = await tracker.FinishAsync(result);

        var run = await store.GetRunAsync(outcome.RunId);
        var metrics = new List<Metric>();
        foreach (string key in run.LatestMetrics.Keys)
        {
            metrics.AddRange(await store.GetMetricHistoryAsync(run.RunId, key));
        }

        Assert.That(run.Info.Status, Is.EqualTo(RunStatus.Finished));
        Assert.That(run.Params, Is.EquivalentTo(TrackedTrials.QuadraticParams(50)));
        Assert.That(TrackedTrials.Points(metrics), Is.EquivalentTo(TrackedTrials.ExpectedMetrics(result)));
        Assert.That(await store.ListArtifactsAsync(run.Info), Has.Exactly(1).Property("Path").EqualTo("trial.json"));
    }
}
