using Descent.Tests.Tracking.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Tracking;

/// <summary>
/// The bytes on disk are MLflow's FileStore layout (shared/MLFLOW.md section 6, as MLflow 2.17's
/// <c>file_store.py</c> writes it), file by file and field by field.
/// </summary>
public sealed class FileStoreLayoutTests
{
    private const long T0 = 1_700_000_000_000;

    [Test]
    public async Task A_run_on_disk_is_exactly_what_MLflow_writes()
    {
        using var temp = new TempDirectory();
        string root = temp.Sub("mlruns");
        var clock = new FixedClock(T0);
        using var store = new FileTrackingStore(root, clock);

        var experiment = await store.GetOrCreateExperimentAsync("descent");
        var run = await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "sgd-quadratic2d-seed0", T0 + 1, "alice", "0123abcd", [new RunTag("descent.status", "finished")]));
        await store.LogBatchAsync(run.RunId, new LogBatch(
            [
                new Metric("loss", 0.5, T0 + 2, 1),
                new Metric("loss", double.NaN, T0 + 3, 2),
                new Metric("loss", double.PositiveInfinity, T0 + 4, 3),
                new Metric("loss", double.NegativeInfinity, T0 + 5, 4),
                new Metric("loss", 1e-05, T0 + 6, 5),
                new Metric("loss", 0.1 + 0.2, T0 + 7, 6),
                new Metric("trajectory/x_0", -5, T0 + 2, 0),
            ],
            [new Param("lr", "0.1"), new Param("objective.start", "-5,-2")],
            []));
        await store.UpdateRunAsync(run.RunId, RunStatus.Finished, T0 + 9);
        string csv = temp.Sub("history.csv");
        File.WriteAllText(csv, "step,loss\n");
        await store.LogArtifactAsync(run, csv, "history.csv");

        string id = experiment.ExperimentId;
        string r = run.RunId;
        string rootUri = new Uri(root).AbsoluteUri;
        Assert.Multiple(() =>
        {
            Assert.That(id, Does.Match("^[1-9][0-9]{17}$"), "experiment ids are 18 digits, as MLflow picks them");
            Assert.That(r, Does.Match("^[0-9a-f]{32}$"), "run ids are 32 lower-case hex characters");
            Assert.That(Files(root), Is.EquivalentTo(new[]
            {
                ".descent.lock", // the store's lock, shared by every node that sees the store; MLflow lists experiments as folders and ignores it
                ".trash/",
                "0/meta.yaml",
                $"{id}/meta.yaml",
                $"{id}/{r}/artifacts/history.csv",
                $"{id}/{r}/meta.yaml",
                $"{id}/{r}/metrics/loss",
                $"{id}/{r}/metrics/trajectory/x_0",
                $"{id}/{r}/params/lr",
                $"{id}/{r}/params/objective.start",
                $"{id}/{r}/tags/descent.origin",
                $"{id}/{r}/tags/descent.status",
                $"{id}/{r}/tags/mlflow.runName",
                $"{id}/{r}/tags/mlflow.user",
            }));
            Assert.That(Read(root, "0/meta.yaml"), Is.EqualTo(
                $"artifact_location: {rootUri}/0\n" +
                $"creation_time: {T0}\n" +
                "experiment_id: '0'\n" +
                $"last_update_time: {T0}\n" +
                "lifecycle_stage: active\n" +
                "name: Default\n"));
            Assert.That(Read(root, $"{id}/meta.yaml"), Is.EqualTo(
                $"artifact_location: {rootUri}/{id}\n" +
                $"creation_time: {T0}\n" +
                $"experiment_id: '{id}'\n" +
                $"last_update_time: {T0}\n" +
                "lifecycle_stage: active\n" +
                "name: descent\n"));
            Assert.That(Read(root, $"{id}/{r}/meta.yaml"), Is.EqualTo(
                $"artifact_uri: {rootUri}/{id}/{r}/artifacts\n" +
                $"end_time: {T0 + 9}\n" +
                "entry_point_name: ''\n" +
                $"experiment_id: '{id}'\n" +
                "lifecycle_stage: active\n" +
                $"run_id: {r}\n" +
                "run_name: sgd-quadratic2d-seed0\n" +
                $"run_uuid: {r}\n" +
                "source_name: ''\n" +
                "source_type: 4\n" +
                "source_version: ''\n" +
                $"start_time: {T0 + 1}\n" +
                "status: 3\n" +
                "tags: []\n" +
                "user_id: alice\n"));
            Assert.That(Read(root, $"{id}/{r}/metrics/loss"), Is.EqualTo(
                $"{T0 + 2} 0.5 1\n{T0 + 3} nan 2\n{T0 + 4} inf 3\n{T0 + 5} -inf 4\n{T0 + 6} 1e-05 5\n{T0 + 7} 0.30000000000000004 6\n"));
            Assert.That(Read(root, $"{id}/{r}/metrics/trajectory/x_0"), Is.EqualTo($"{T0 + 2} -5 0\n"));
            Assert.That(Read(root, $"{id}/{r}/params/lr"), Is.EqualTo("0.1"), "raw value, no newline");
            Assert.That(Read(root, $"{id}/{r}/params/objective.start"), Is.EqualTo("-5,-2"));
            Assert.That(Read(root, $"{id}/{r}/tags/mlflow.runName"), Is.EqualTo("sgd-quadratic2d-seed0"));
            Assert.That(Read(root, $"{id}/{r}/tags/mlflow.user"), Is.EqualTo("alice"));
            Assert.That(Read(root, $"{id}/{r}/tags/descent.origin"), Is.EqualTo("0123abcd"));
        });
    }

    [Test]
    public async Task A_running_run_has_a_null_end_time_and_status_1()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"), new FixedClock(T0));
        var experiment = await store.GetOrCreateExperimentAsync("e");
        var run = await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "r", T0, "u", "o", []));

        string meta = File.ReadAllText(Path.Combine(store.RunDirectory(run.RunId), "meta.yaml"));

        Assert.That(meta, Does.Contain("\nend_time: null\n").And.Contain("\nstatus: 1\n"));
    }

    [TestCase(RunStatus.Running, 1)]
    [TestCase(RunStatus.Scheduled, 2)]
    [TestCase(RunStatus.Finished, 3)]
    [TestCase(RunStatus.Failed, 4)]
    [TestCase(RunStatus.Killed, 5)]
    public async Task Statuses_are_stored_as_MLflows_numbers(RunStatus status, int number)
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"), new FixedClock(T0));
        var experiment = await store.GetOrCreateExperimentAsync("e");
        var run = await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "r", T0, "u", "o", []));
        await store.UpdateRunAsync(run.RunId, status, T0);

        string meta = File.ReadAllText(Path.Combine(store.RunDirectory(run.RunId), "meta.yaml"));

        Assert.That(meta, Does.Contain($"\nstatus: {number}\n"));
        Assert.That((await store.GetRunAsync(run.RunId)).Info.Status, Is.EqualTo(status));
    }

    [Test]
    public async Task A_run_written_by_MLflow_itself_is_read()
    {
        // meta.yaml as MLflow 2.17 writes it at creation (deleted_time included), a metric file without
        // steps (MLflow before 1.0), a param with a trailing space.
        using var temp = new TempDirectory();
        string root = temp.Sub("mlruns");
        string run = Path.Combine(root, "5", "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        Directory.CreateDirectory(Path.Combine(run, "metrics"));
        Directory.CreateDirectory(Path.Combine(run, "params"));
        Directory.CreateDirectory(Path.Combine(root, ".trash"));
        File.WriteAllText(Path.Combine(root, "5", "meta.yaml"), "artifact_location: file:///x/5\ncreation_time: 1\nexperiment_id: '5'\nlast_update_time: 1\nlifecycle_stage: active\nname: \"from python\"\n");
        File.WriteAllText(Path.Combine(run, "meta.yaml"),
            "artifact_uri: file:///x/5/0a1b2c3d4e5f60718293a4b5c6d7e8f9/artifacts\ndeleted_time: null\nend_time: null\nentry_point_name: ''\nexperiment_id: '5'\n" +
            "lifecycle_stage: active\nrun_id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\nrun_name: bold-cat-123\nrun_uuid: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\nsource_name: ''\n" +
            "source_type: 4\nsource_version: ''\nstart_time: 1700000000000\nstatus: 1\ntags: []\nuser_id: bob\n");
        File.WriteAllText(Path.Combine(run, "metrics", "acc"), "1700000000001 0.75\n");
        File.WriteAllText(Path.Combine(run, "params", "note"), "a b ");
        using var store = new FileTrackingStore(root);

        var read = await store.GetRunAsync("0a1b2c3d4e5f60718293a4b5c6d7e8f9");

        Assert.That(store.ListExperiments().Single().Name, Is.EqualTo("from python"));
        Assert.That(read.Info, Is.EqualTo(new RunInfo("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "5", "bold-cat-123", "bob", RunStatus.Running, 1700000000000, null,
            "file:///x/5/0a1b2c3d4e5f60718293a4b5c6d7e8f9/artifacts", "active")));
        Assert.That(read.LatestMetrics["acc"], Is.EqualTo(new Metric("acc", 0.75, 1700000000001, 0)));
        Assert.That(read.Params["note"], Is.EqualTo("a b "));
    }

    /// <summary>Every file under the root, and empty directories with a trailing slash, sorted.</summary>
    private static string[] Files(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Where(p => File.Exists(p) || !Directory.EnumerateFileSystemEntries(p).Any())
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/') + (Directory.Exists(p) ? "/" : ""))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string Read(string root, string relative) => File.ReadAllText(Path.Combine(root, relative));
}
