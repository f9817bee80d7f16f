using Descent.Tests.Tracking.Support;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Tests.Tracking;

/// <summary>The FileStore through its own abstraction: what is written is what is read back.</summary>
public sealed class FileStoreTests
{
    private const long T0 = 1_700_000_000_000;

    [Test]
    public async Task Everything_written_reads_back_through_the_store()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"), new FixedClock(T0));

        var experiment = await store.GetOrCreateExperimentAsync("optimizers");
        var again = await store.GetOrCreateExperimentAsync("optimizers");
        var run = await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "sgd-run", T0, "alice", "origin-1", [new RunTag("descent.trial_hash", "abc")]));
        await store.LogBatchAsync(run.RunId, new LogBatch(
            [new Metric("loss", 2.5, T0 + 1, 0), new Metric("loss", double.NaN, T0 + 2, 1), new Metric("trajectory/x_0", -5, T0 + 1, 0)],
            [new Param("lr", "0.1"), new Param("betas", "0.9,0.999")],
            [new RunTag("descent.status", "diverged")]));
        await store.LogBatchAsync(run.RunId, new LogBatch([new Metric("loss", double.PositiveInfinity, T0 + 3, 2)], [new Param("lr", "0.1")], []));
        await store.UpdateRunAsync(run.RunId, RunStatus.Finished, T0 + 10);
        string file = temp.Sub("history.csv");
        await File.WriteAllTextAsync(file, "step,loss\n0,2.5\n");
        await store.LogArtifactAsync(run, file, "tables/history.csv");

        var read = await store.GetRunAsync(run.RunId);
        Assert.Multiple(async () =>
        {
            Assert.That(again.ExperimentId, Is.EqualTo(experiment.ExperimentId), "get-or-create returns the existing experiment");
            Assert.That(store.ListExperiments().Select(e => e.Name), Is.EquivalentTo(new[] { "Default", "optimizers" }));
            Assert.That(read.Info, Is.EqualTo(run with { Status = RunStatus.Finished, EndTime = T0 + 10 }));
            Assert.That(read.Params, Is.EquivalentTo(new Dictionary<string, string> { ["lr"] = "0.1", ["betas"] = "0.9,0.999" }));
            Assert.That(read.Tags, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["descent.trial_hash"] = "abc",
                ["descent.status"] = "diverged",
                [MlflowTags.RunName] = "sgd-run",
                [MlflowTags.User] = "alice",
                [RunOrigin.Tag] = "origin-1",
            }));
            Assert.That(read.LatestMetrics["loss"], Is.EqualTo(new Metric("loss", double.PositiveInfinity, T0 + 3, 2)));
            Assert.That(await store.GetMetricHistoryAsync(run.RunId, "loss"), Is.EqualTo(new[]
            {
                new Metric("loss", 2.5, T0 + 1, 0), new Metric("loss", double.NaN, T0 + 2, 1), new Metric("loss", double.PositiveInfinity, T0 + 3, 2),
            }));
            Assert.That(await store.GetMetricHistoryAsync(run.RunId, "trajectory/x_0"), Is.EqualTo(new[] { new Metric("trajectory/x_0", -5, T0 + 1, 0) }));
            Assert.That(await store.ListArtifactsAsync(run), Is.EqualTo(new[] { new ArtifactFile("tables/history.csv", false, 16) }));
            Assert.That((await store.SearchRunsAsync(experiment.ExperimentId, RunFilter.Tag(RunOrigin.Tag, "origin-1"))).Select(r => r.RunId), Is.EqualTo(new[] { run.RunId }));
            Assert.That(await store.SearchRunsAsync(experiment.ExperimentId, RunFilter.Tag(RunOrigin.Tag, "other")), Is.Empty);
        });
    }

    [Test]
    public async Task A_param_logged_again_with_another_value_is_refused_as_MLflow_refuses_it()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"));
        var experiment = await store.GetOrCreateExperimentAsync("e");
        var run = await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "r", T0, "u", "o", []));
        await store.LogBatchAsync(run.RunId, new LogBatch([], [new Param("lr", "0.1")], []));

        var refused = Assert.ThrowsAsync<MlflowApiException>(() => store.LogBatchAsync(run.RunId, new LogBatch([], [new Param("lr", "0.2")], [])));

        Assert.That(refused!.ErrorCode, Is.EqualTo(MlflowErrorCodes.InvalidParameterValue));
        Assert.That(refused.Message, Does.Contain("'lr'").And.Contain("'0.1'").And.Contain("'0.2'"));
        Assert.That((await store.GetRunAsync(run.RunId)).Params["lr"], Is.EqualTo("0.1"));
    }

    [Test]
    public async Task A_param_logged_again_with_the_same_value_changes_nothing()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"));
        var experiment = await store.GetOrCreateExperimentAsync("e");
        var run = await store.CreateRunAsync(new RunCreation(experiment.ExperimentId, "r", T0, "u", "o", []));
        await store.LogBatchAsync(run.RunId, new LogBatch([], [new Param("lr", "0.1")], []));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await store.LogBatchAsync(run.RunId, new LogBatch([], [new Param("lr", "0.1")], []));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "an existing param is not a busy file to wait for");
        Assert.That(File.ReadAllText(Path.Combine(store.RunDirectory(run.RunId), "params", "lr")), Is.EqualTo("0.1"));
    }

    [Test]
    public async Task A_deleted_experiment_of_the_same_name_is_not_silently_replaced()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"));
        var experiment = await store.GetOrCreateExperimentAsync("old");
        Directory.Move(Path.Combine(store.Root, experiment.ExperimentId), Path.Combine(store.Root, ".trash", experiment.ExperimentId));
        string meta = Path.Combine(store.Root, ".trash", experiment.ExperimentId, "meta.yaml");
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("lifecycle_stage: active", "lifecycle_stage: deleted"));

        var refused = Assert.ThrowsAsync<MlflowApiException>(() => store.GetOrCreateExperimentAsync("old"));

        Assert.That(refused!.Message, Does.Contain("deleted").And.Contain("'old'"));
    }

    [Test]
    public async Task Reading_a_store_that_does_not_exist_creates_nothing()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("none"));

        Assert.That(await store.GetExperimentByNameAsync("descent"), Is.Null);
        Assert.That(store.ListExperiments(), Is.Empty);
        Assert.That(Directory.Exists(temp.Sub("none")), Is.False);
    }

    [Test]
    public void Metric_lines_read_what_MLflow_writes()
    {
        // Python writes f"{timestamp} {value} {step}\n" with repr(float); old files have no step.
        Assert.That(MetricLine.Parse("m", "1700000000000 1e-05 3"), Is.EqualTo(new Metric("m", 1e-05, 1700000000000, 3)));
        Assert.That(MetricLine.Parse("m", "1700000000000 nan 4").Value, Is.NaN);
        Assert.That(MetricLine.Parse("m", "1700000000000 -inf 5").Value, Is.EqualTo(double.NegativeInfinity));
        Assert.That(MetricLine.Parse("m", "1700000000000 0.30000000000000004"), Is.EqualTo(new Metric("m", 0.1 + 0.2, 1700000000000, 0)));
        Assert.That(() => MetricLine.Parse("m", "1700000000000"), Throws.TypeOf<FormatException>().With.Message.Contains("'1700000000000'"));
    }

    [TestCase("0", "'0'")]
    [TestCase("123456789012345678", "'123456789012345678'")]
    [TestCase("", "''")]
    [TestCase("Default", "Default")]
    [TestCase("file:///tmp/mlruns/0", "file:///tmp/mlruns/0")]
    [TestCase("my experiment", "my experiment")]
    [TestCase("true", "'true'")]
    [TestCase("1.5", "'1.5'")]
    [TestCase("it's: here", "'it''s: here'")]
    [TestCase("3e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b", "3e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b")]
    public void Meta_yaml_quotes_strings_as_PyYAML_does_and_reads_them_back(string value, string written)
    {
        string yaml = MetaYaml.Write([new("key", value)]);

        Assert.That(yaml, Is.EqualTo($"key: {written}\n"));
        Assert.That(MetaYaml.Read(yaml)["key"], Is.EqualTo(value));
    }
}
