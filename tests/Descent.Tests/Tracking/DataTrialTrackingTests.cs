using Descent.Engine.Trials;
using Descent.Runs.Trials;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Tests.Tracking;

/// <summary>A minibatch trial on data: the loss against samples seen, epochs, epoch times, the data's provenance.</summary>
public sealed class DataTrialTrackingTests
{
    [Test]
    public async Task A_data_trial_logs_its_loss_against_samples_seen_and_its_epoch_times()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"));
        using var session = new TrackingSession(store, "data", recorder: new RecorderOptions(BatchLinger: TimeSpan.FromMilliseconds(5)));
        var trial = TrialResolver.Resolve(new TrialSpec
        {
            Optimizer = "sgd",
            Hyperparameters = new Dictionary<string, string> { ["lr"] = "0.03" },
            Objective = "linear-regression",
            Dataset = "synthetic-regression",
            Training = new TrainingSettings(Epochs: 3, BatchSize: 10, RecordEvery: 100),
            DType = "float64",
        }, TestEngine.Catalog);

        var tracker = session.StartTrial(trial);
        var result = TestEngine.Services.GetRequiredService<TrialRunner>().Run(trial, tracker);
        var outcome = await tracker.FinishAsync(result);

        var run = await store.GetRunAsync(outcome.RunId);
        async Task<(double Value, long Step)[]> History(string key) => (await store.GetMetricHistoryAsync(run.RunId, key)).Select(m => (m.Value, m.Step)).ToArray();
        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished));
        Assert.That(await History("loss"), Is.EqualTo(result.History.Select(p => (p.Loss, p.Samples))));
        Assert.That((await History("loss")).Select(p => p.Step), Is.EqualTo(Enumerable.Range(0, 31).Select(i => i * 100L)), "step = samples seen, every 100");
        Assert.That(await History("epoch"), Is.EqualTo(result.History.Select(p => (p.Epoch, p.Samples))));
        Assert.That(await History("epoch_seconds"), Is.EqualTo(result.EpochSeconds.Select((s, i) => (s, (long)i + 1))));
        Assert.That(await History("seconds_per_epoch"), Is.EqualTo(new[] { (result.SecondsPerEpoch!.Value, 3000L) }));
        Assert.That(await History("final_loss"), Is.EqualTo(new[] { (result.FinalLoss, 3000L) }));
        Assert.That(run.LatestMetrics.Keys, Is.EquivalentTo(new[] { "loss", "epoch", "epoch_seconds", "seconds_per_epoch", "final_loss", "wall_seconds" }), "no trajectory for data objectives");
        Assert.That(run.Params, Is.SupersetOf(new Dictionary<string, string>
        {
            ["lr"] = "0.03",
            ["objective.init_std"] = "0.01",
            ["dataset"] = "synthetic-regression",
            ["dataset.rows"] = "1000",
            ["dataset.weights"] = "2,-3.4",
            ["epochs"] = "3",
            ["batch_size"] = "10",
            ["record_every"] = "100",
            ["autograd"] = "false",
            ["seed"] = "0",
            ["dtype"] = "float64",
        }));
        Assert.That(run.Params.Keys, Does.Not.Contain("steps"));
        Assert.That(run.Tags["descent.dataset.rows"], Is.EqualTo("1000"));
        Assert.That(run.Tags["descent.dataset.version"], Is.EqualTo(trial.Dataset!.Plugin.Version));
        Assert.That(run.Tags["descent.dataset.sha256"], Is.EqualTo(trial.Dataset.Plugin.AssemblySha256));
    }
}
