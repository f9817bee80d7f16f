using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Runs.Trials;
using Descent.Tests.Quadratic;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Support;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Tests.Tracking;

/// <summary>An evaluated trial (noisy quadratic with splits) as an MLflow run: each split's metrics and the training clock, at step = samples seen.</summary>
public sealed class EvaluatedTrialTrackingTests
{
    [Test]
    public async Task An_evaluated_trial_logs_its_splits_and_its_training_clock_once_per_evaluation()
    {
        using var temp = new TempDirectory();
        using var store = new FileTrackingStore(temp.Sub("mlruns"));
        using var session = new TrackingSession(store, "evaluated", recorder: new RecorderOptions(BatchLinger: TimeSpan.FromMilliseconds(5)));
        var trial = TrialResolver.Resolve(QuadraticProbe.Spec("sgd", ("hp.lr", "0.01")) with
        {
            Training = new TrainingSettings(Epochs: 2, BatchSize: 100) { EvalEvery = 500 },
        }, TestEngine.Catalog);

        var tracker = session.StartTrial(trial);
        var result = TestEngine.Services.GetRequiredService<TrialRunner>().Run(trial, tracker);
        var outcome = await tracker.FinishAsync(result);

        async Task<(double Value, long Step)[]> History(string key) => (await store.GetMetricHistoryAsync(outcome.RunId, key)).Select(m => (m.Value, m.Step)).ToArray();
        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        var valid = result.Evaluations.Where(e => e.Split == SplitNames.Valid).ToArray();
        Assert.That(valid.Select(e => e.Samples), Is.EqualTo(new long[] { 0, 500, 1000, 1500, 2000 }));
        Assert.That(await History("valid/loss"), Is.EqualTo(valid.Select(e => (e.Loss, e.Samples))));
        Assert.That(await History("train_seconds"), Is.EqualTo(valid.Select(e => (e.TrainSeconds, e.Samples))), "one point per evaluation, not one per split");
        Assert.That((await History("train_seconds"))[0], Is.EqualTo((0.0, 0L)));
    }
}
