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
using Descent.Tracking.Sync;

namespace Descent.Tests.Tracking;

/// <summary>
/// Nothing is lost: when the server cannot be reached, the trial goes on and its records go to the spool;
/// sync then gives the server exactly the trial's records, and a second sync changes nothing.
/// </summary>
public sealed class SpoolSyncTests
{
    [Test]
    public async Task Server_down_for_the_whole_trial_then_sync_gives_it_exactly_the_trial_and_a_second_sync_nothing()
    {
        using var temp = new TempDirectory();
        await using var server = FakeMlflowServer.CreateStopped();
        var logger = new CapturingLogger();
        var trial = TrackedTrials.Quadratic(steps: 200);
        string artifacts = temp.Sub("artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "history.csv"), "step,loss\n");

        RunOutcome outcome;
        TrialResult result;
        using (var session = TrackedTrials.Session(server, "offline", temp.Sub("spool"), logger, FastRetries.Short))
        {
            var tracker = session.StartTrial(trial);
            result = TrackedTrials.Run(trial, tracker);
            outcome = await tracker.FinishAsync(result, artifacts);
        }

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), "the trial went on");
        Assert.That(outcome.Spooled, Is.True);
        Assert.That(outcome.SpoolRoot, Is.EqualTo(temp.Sub("spool")));
        Assert.That(logger.Warnings, Has.Exactly(1).Contains($"tracking server {server.Uri.AbsoluteUri.TrimEnd('/')} is unreachable")
            .And.Contains(temp.Sub("spool")).And.Contains("descent sync --to"));

        await server.StartAsync();
        using var spool = new FileTrackingStore(temp.Sub("spool"));
        using var target = new RestTrackingStore(server.Uri, retry: FastRetries.Options);
        var first = await new RunSync(spool, target).SyncAsync();

        var run = server.Backend.Runs.Single();
        var spooled = await spool.GetRunAsync(outcome.RunId);
        Assert.Multiple(() =>
        {
            Assert.That(first.Runs.Select(r => (r.SourceRunId, r.TargetRunId, r.Action)), Is.EqualTo(new[] { (outcome.RunId, run.RunId, SyncAction.Created) }));
            Assert.That(server.Backend.Experiments.Count(e => e.Name == "offline"), Is.EqualTo(1));
            Assert.That(run.Params, Is.EquivalentTo(TrackedTrials.QuadraticParams(200)));
            Assert.That(TrackedTrials.Points(run.Metrics), Is.EquivalentTo(TrackedTrials.ExpectedMetrics(result)));
            Assert.That(run.Tags, Is.EquivalentTo(spooled.Tags), "every tag, the origin included");
            Assert.That(first.Runs.Single().Tags, Is.EqualTo(spooled.Tags.Count), "the summary counts the tags that went with the creation");
            Assert.That(run.Tags[RunKeys.Tags.TrialHash], Is.EqualTo(TrialIdentity.Hash(trial)));
            Assert.That(run.Status, Is.EqualTo("FINISHED"));
            Assert.That((run.StartTime, run.EndTime), Is.EqualTo((spooled.Info.StartTime, spooled.Info.EndTime)));
            Assert.That(run.RunName, Is.EqualTo("sgd-quadratic2d-seed0"));
            Assert.That(run.Artifacts.Keys, Is.EquivalentTo(new[] { "trial.json", "history.csv" }));
            Assert.That(Encoding.UTF8.GetString(run.Artifacts["trial.json"]), Is.EqualTo(TrialIdentity.CanonicalJson(trial, indented: true) + "\n"));
        });

        int requestsBefore = server.Requests.Count;
        int pointsBefore = run.Metrics.Count;
        var second = await new RunSync(spool, target).SyncAsync();

        Assert.That(second.Runs.Select(r => r.Action), Is.EqualTo(new[] { SyncAction.Unchanged }));
        Assert.That(server.Requests.Skip(requestsBefore).Where(r => r.IsWrite), Is.Empty, "the second sync only reads");
        Assert.That(server.Backend.Runs, Has.Count.EqualTo(1));
        Assert.That(run.Metrics, Has.Count.EqualTo(pointsBefore));
    }

    [Test]
    public async Task Server_lost_during_the_trial_then_sync_completes_the_same_run_without_duplicates()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartNewAsync();
        server.Inject("runs/log-batch", new FakeFault.Pass(), times: 2);
        server.Inject("runs/log-batch", new FakeFault.Fail(503), times: 1000);
        var trial = TrackedTrials.Quadratic(steps: 2000);

        RunOutcome outcome;
        TrialResult result;
        using (var session = TrackedTrials.Session(server, "flaky", temp.Sub("spool"), retry: FastRetries.Short))
        {
            var tracker = session.StartTrial(trial);
            result = TrackedTrials.Run(trial, tracker);
            outcome = await tracker.FinishAsync(result);
        }

        server.ClearFaults();
        var run = server.Backend.Runs.Single();
        int pointsBeforeSync = run.Metrics.Count;
        Assert.That(outcome.RunId, Is.EqualTo(run.RunId), "the run exists on the server; the rest waits in the spool");
        Assert.That(outcome.Spooled, Is.True);
        Assert.That(run.Status, Is.EqualTo("RUNNING"));
        Assert.That(pointsBeforeSync, Is.GreaterThan(0).And.LessThan(3 * 2001));

        using var spool = new FileTrackingStore(temp.Sub("spool"));
        using var target = new RestTrackingStore(server.Uri, retry: FastRetries.Options);
        var report = await new RunSync(spool, target).SyncAsync();
        var again = await new RunSync(spool, target).SyncAsync();

        Assert.That(report.Runs.Single().Action, Is.EqualTo(SyncAction.Updated));
        Assert.That(report.Runs.Single().TargetRunId, Is.EqualTo(run.RunId));
        Assert.That(server.Backend.Runs, Has.Count.EqualTo(1));
        Assert.That(TrackedTrials.Points(run.Metrics), Is.EquivalentTo(TrackedTrials.ExpectedMetrics(result)));
        Assert.That(run.Params, Is.EquivalentTo(TrackedTrials.QuadraticParams(2000)));
        Assert.That(run.Status, Is.EqualTo("FINISHED"));
        Assert.That(again.Runs.Single().Action, Is.EqualTo(SyncAction.Unchanged));
    }

    [Test]
    public async Task A_killed_run_stops_waiting_for_an_unreachable_server_and_spools_the_rest()
    {
        using var temp = new TempDirectory();
        await using var server = FakeMlflowServer.CreateStopped();
        var patient = new RetryOptions(7, TimeSpan.FromSeconds(2), TimeSpan.Zero, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));
        using var session = TrackedTrials.Session(server, "killed", temp.Sub("spool"), retry: patient,
            recorder: new RecorderOptions(BatchLinger: TimeSpan.FromMilliseconds(5), KilledFlushTimeout: TimeSpan.FromSeconds(1)));
        var trial = TrackedTrials.Quadratic(steps: 1_000_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var tracker = session.StartTrial(trial);
        var result = TrackedTrials.Run(trial, tracker, cancellation.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await tracker.FinishAsync(result);

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Killed));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the retry budget (about 4 minutes) was not waited out");
        Assert.That(outcome.Spooled, Is.True);
        using var spool = new FileTrackingStore(temp.Sub("spool"));
        var run = await spool.GetRunAsync(outcome.RunId);
        Assert.That(run.Info.Status, Is.EqualTo(RunStatus.Killed));
        Assert.That(await spool.GetMetricHistoryAsync(run.RunId, "loss"), Has.Count.EqualTo(result.History.Count));
    }

    [Test]
    public async Task A_sweep_spooled_whole_is_synced_with_children_under_their_parent()
    {
        using var temp = new TempDirectory();
        await using var server = FakeMlflowServer.CreateStopped();
        using (var session = TrackedTrials.Session(server, "sweep", temp.Sub("spool"), retry: FastRetries.Short))
        {
            var parent = session.StartRun(new RunStart("sweep-lr"));
            parent.LogParam("sweep.lr", "0.1,0.2");
            foreach (var (lr, n) in new[] { ("0.1", 0), ("0.2", 1) })
            {
                var trial = TrackedTrials.Quadratic(steps: 20, lr);
                var tracker = session.StartTrial(trial, $"trial-{n}", parent);
                await tracker.FinishAsync(TrackedTrials.Run(trial, tracker));
            }

            await parent.FinishAsync(RunStatus.Finished);
        }

        await server.StartAsync();
        using var spool = new FileTrackingStore(temp.Sub("spool"));
        using var target = new RestTrackingStore(server.Uri, retry: FastRetries.Options);
        var report = await new RunSync(spool, target).SyncAsync();

        var runs = server.Backend.Runs;
        var parentRun = runs.Single(r => r.RunName == "sweep-lr");
        Assert.That(report.Created, Is.EqualTo(3));
        Assert.That(runs.Where(r => r.RunName.StartsWith("trial-", StringComparison.Ordinal)).Select(r => r.Tags[MlflowTags.ParentRunId]), Is.EqualTo(new[] { parentRun.RunId, parentRun.RunId }));
        Assert.That(runs.Select(r => r.ExperimentId).Distinct().Count(), Is.EqualTo(1), "parent and children share an experiment");
        Assert.That(parentRun.Params["sweep.lr"], Is.EqualTo("0.1,0.2"));
    }

    [Test]
    public async Task Children_of_a_parent_on_the_server_point_at_it_even_when_they_are_spooled()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartNewAsync();
        using var session = TrackedTrials.Session(server, "sweep", temp.Sub("spool"), retry: FastRetries.Short);
        var parent = session.StartRun(new RunStart("sweep"));
        string parentId = await parent.RunIdAsync();
        await server.StopAsync();

        var trial = TrackedTrials.Quadratic(steps: 10);
        var tracker = session.StartTrial(trial, "trial-0", parent);
        var outcome = await tracker.FinishAsync(TrackedTrials.Run(trial, tracker));
        using var spool = new FileTrackingStore(temp.Sub("spool"));

        Assert.That(outcome.Spooled, Is.True);
        Assert.That((await spool.GetRunAsync(outcome.RunId)).Tags[MlflowTags.ParentRunId], Is.EqualTo(parentId));
    }
}
