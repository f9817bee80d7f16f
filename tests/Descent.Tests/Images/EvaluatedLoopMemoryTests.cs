using Descent.Engine.Trials;
using Descent.Tests.Support;
using TorchSharp;

namespace Descent.Tests.Images;

/// <summary>
/// Memory stays flat in the evaluated loop: over 20 epochs of mlp-classifier with adam on a Fashion-MNIST subset,
/// each with an evaluation of train_eval, valid and test (20,500 images, in batches), the live tensors on the
/// training thread are the same after epoch 20 as after epoch 1, and back where they started once the trial is over.
/// </summary>
public sealed class EvaluatedLoopMemoryTests
{
    [Test]
    public void Live_tensors_do_not_grow_over_20_epochs_with_evaluations()
    {
        FashionMnistFilesTests.RequireFiles();
        var counter = new LiveTensorCounter();
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var spec = new TrialSpec
        {
            Optimizer = "adam",
            Objective = "mlp-classifier",
            ObjectiveArgs = new Dictionary<string, string> { ["hidden"] = "32" },
            Dataset = "fashion-mnist",
            DatasetArgs = new Dictionary<string, string> { ["train_rows"] = "500" },
            Training = new TrainingSettings(Epochs: 20, BatchSize: 50) { EvalBatchSize = 2500 },
        };

        var result = TestEngine.Run(spec, counter);

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        Assert.That(counter.Samples.Keys, Is.EquivalentTo(Enumerable.Range(0, 21).Select(e => (long)e * 500)));
        Assert.That(counter.Samples[20 * 500], Is.EqualTo(counter.Samples[500]), "live tensors grew between epoch 1 and epoch 20");
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before), "tensors outlived the trial");
    }

    private sealed class LiveTensorCounter : ITrialObserver
    {
        public Dictionary<long, long> Samples { get; } = [];

        public void OnRecorded(HistoryPoint point) => Samples[point.Samples] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
    }
}
