using Descent.Runs;
using Descent.Sweeps.Tracking;
using Descent.Tests.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Sweeps;

/// <summary>
/// The parent of a sharded sweep reads RUNNING only while some shard is alive (a fresh heartbeat tag on it):
/// a shard that ends with trials left to others and finds no live heartbeat marks it KILLED and incomplete;
/// one that finds another shard's fresh heartbeat leaves it RUNNING; the shard that completes the sweep
/// makes it FINISHED and no longer incomplete, and a rerun of the complete sweep leaves its report alone.
/// </summary>
public sealed class ParentHeartbeatTests
{
    private const string Sweep = """
        name: heartbeat
        objective: { id: quadratic2d }
        training: { steps: 3, dtype: float64 }
        optimizers:
          - id: sgd
            hyperparameters: { lr: [0.1, 0.2, 0.3] }
        """;

    [Test]
    public void The_parent_tells_whether_any_shard_is_running()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.File("heartbeat.yaml");
        File.WriteAllText(file, Sweep);
        string store = scratch.File("mlruns");
        string report = scratch.File("report");
        string[] common = ["--tracking-uri", store, "--parallel", "1", "--report-dir", report];

        // Shard 0 of 3 ends; nobody else ever ran: nothing runs and two trials are left.
        Assert.That(CliRun.Of(["sweep", file, "--shard", "0/3", .. common]).ExitCode, Is.EqualTo(0));
        var parent = Parent(store);
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Killed));
        Assert.That(parent.Tag(SweepTracking.IncompleteTag), Is.EqualTo("true"));
        Assert.That(parent.Tags.Where(t => t.Key.StartsWith(SweepTracking.HeartbeatTagPrefix, StringComparison.Ordinal)).Select(t => t.Value), Is.EqualTo(new[] { SweepTracking.Ended }));

        // Another shard beat a moment ago: shard 1 ends and leaves the parent RUNNING for it.
        Beat(store, parent.RunId, "other", DateTimeOffset.UtcNow);
        Assert.That(CliRun.Of(["sweep", file, "--shard", "1/3", .. common]).ExitCode, Is.EqualTo(0));
        Assert.That(Parent(store).Info.Status, Is.EqualTo(RunStatus.Running));

        // That shard died (its heartbeat is older than StaleAfter); shard 2 completes the sweep.
        Beat(store, parent.RunId, "other", DateTimeOffset.UtcNow - SweepTracking.StaleAfter - TimeSpan.FromSeconds(1));
        Assert.That(CliRun.Of(["sweep", file, "--shard", "2/3", .. common]).ExitCode, Is.EqualTo(0));
        parent = Parent(store);
        Assert.That(parent.Info.Status, Is.EqualTo(RunStatus.Finished));
        Assert.That(parent.Tag(SweepTracking.IncompleteTag), Is.EqualTo("false"));
        Assert.That(SweepStore.FinishedPerIdentity(store, "heartbeat").Values, Is.EqualTo(new[] { 1, 1, 1 }));
        string index = Path.Combine(report, "index.html");
        Assert.That(File.Exists(index), "the shard that completed the sweep wrote the report");

        // A rerun of the complete sweep runs nothing and leaves the report as it was.
        File.Delete(index);
        var rerun = CliRun.Of(["sweep", file, .. common]);
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Error);
        Assert.That(File.Exists(index), Is.False, "the report was written again");
        Assert.That(Parent(store).Info.Status, Is.EqualTo(RunStatus.Finished));
    }

    private static Run Parent(string store) =>
        SweepStore.Runs(store, "heartbeat").Single(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind);

    private static void Beat(string store, string parentRunId, string process, DateTimeOffset at)
    {
        using var files = new FileTrackingStore(store);
        files.LogBatchAsync(parentRunId, new LogBatch([], [], [new RunTag(SweepTracking.HeartbeatTagPrefix + process, at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture))]))
            .GetAwaiter().GetResult();
    }
}
