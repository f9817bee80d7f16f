using Descent.Tests.Tracking.Support;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Tracking;

/// <summary>
/// Several writers on one store lose nothing. Each writer has its own <see cref="FileTrackingStore"/> and
/// so its own file handles; the locks are per open file (flock), as between processes. The two-process
/// case through the real command line is in <see cref="TrackingCommandLineTests"/>.
/// </summary>
public sealed class FileStoreConcurrencyTests
{
    [Test]
    public async Task Writers_racing_to_create_one_experiment_end_up_with_one()
    {
        using var temp = new TempDirectory();
        string root = temp.Sub("mlruns");
        using var start = new ManualResetEventSlim();

        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var store = new FileTrackingStore(root);
            start.Wait();
            return (await store.GetOrCreateExperimentAsync("race")).ExperimentId;
        })).ToArray();
        start.Set();
        var ids = await Task.WhenAll(writers);

        using var reader = new FileTrackingStore(root);
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
        Assert.That(reader.ListExperiments().Select(e => e.Name), Is.EquivalentTo(new[] { "Default", "race" }));
    }

    [Test]
    public async Task Writers_appending_to_one_metric_lose_no_line()
    {
        using var temp = new TempDirectory();
        string root = temp.Sub("mlruns");
        RunInfo run;
        using (var setup = new FileTrackingStore(root))
        {
            var experiment = await setup.GetOrCreateExperimentAsync("e");
            run = await setup.CreateRunAsync(new RunCreation(experiment.ExperimentId, "r", 0, "u", "o", []));
        }

        const int Writers = 4;
        const int Batches = 200;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            using var store = new FileTrackingStore(root);
            for (int b = 0; b < Batches; b++)
            {
                var points = Enumerable.Range(0, 5).Select(i => new Metric("loss", w, 1000 + b, (b * 5) + i)).ToArray();
                await store.LogBatchAsync(run.RunId, new LogBatch(points, [], [new RunTag($"writer.{w}", b.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
            }
        })));

        using var reader = new FileTrackingStore(root);
        var history = await reader.GetMetricHistoryAsync(run.RunId, "loss");
        var read = await reader.GetRunAsync(run.RunId);
        Assert.That(history, Has.Count.EqualTo(Writers * Batches * 5));
        for (int w = 0; w < Writers; w++)
        {
            Assert.That(history.Where(m => m.Value == w).Select(m => m.Step), Is.EqualTo(Enumerable.Range(0, Batches * 5).Select(i => (long)i)), $"writer {w}'s points, in its order");
            Assert.That(read.Tags[$"writer.{w}"], Is.EqualTo("199"));
        }
    }
}
