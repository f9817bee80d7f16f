using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using TorchSharp;

namespace Descent.Tests.Optimizers;

/// <summary>
/// Memory stays flat: over 10,000 optimizer steps (each with a forward pass, a backward pass, an update
/// and a recorded point) the number of live tensors on the training thread does not grow, and once the
/// trial is over it is back where it started. Runs over every discovered optimizer, with lr 1e-4 where it has one (torch-lbfgs: 2 iterations per step, history 1).
/// </summary>
public sealed class TensorLeakTests
{
    [TestCaseSource(typeof(DiscoveredOptimizers), nameof(DiscoveredOptimizers.Ids))]
    public void Live_tensors_do_not_grow_over_ten_thousand_steps(string optimizer) => AssertFlat(Spec(optimizer));

    /// <summary>The same under warmup-cosine: the host sets the rate before every step (10,000 new rates).</summary>
    [TestCaseSource(typeof(DiscoveredOptimizers), nameof(DiscoveredOptimizers.Ids))]
    public void Live_tensors_do_not_grow_over_ten_thousand_steps_under_warmup_cosine(string optimizer) =>
        AssertFlat(Spec(optimizer) with
        {
            Schedule = "warmup-cosine",
            ScheduleArgs = new Dictionary<string, string> { ["warmup_steps"] = "500", ["total_steps"] = "10000" },
        });

    private static TrialSpec Spec(string optimizer)
    {
        var settings = DiscoveredOptimizers.Declares(optimizer, "lr") ? new[] { ("lr", "1e-4") } : [];
        if (optimizer == "torch-lbfgs")
        {
            // Up to max_iter iterations per step: 2 keep 10,000 steps quick. A history of 1 is full within the first steps and
            // drops a pair for each new one; a longer one fills later under warmup, growth up to its bound, not a leak.
            settings = [.. settings, ("max_iter", "2"), ("history_size", "1")];
        }

        return TestEngine.Analytic(optimizer, "rosenbrock", 10_000, "-1.5,2", settings) with { DType = "float32" };
    }

    private static void AssertFlat(TrialSpec spec)
    {
        var counter = new LiveTensorCounter(sampleAt: [10, 1_000, 10_000]);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        var result = TestEngine.Run(spec, counter);

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        Assert.That(result.Steps, Is.EqualTo(10_000));
        Assert.That(counter.Samples[1_000], Is.EqualTo(counter.Samples[10]), "live tensors grew between step 10 and step 1,000");
        Assert.That(counter.Samples[10_000], Is.EqualTo(counter.Samples[10]), "live tensors grew between step 10 and step 10,000");
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before), "tensors outlived the trial");
    }

    private sealed class LiveTensorCounter(long[] sampleAt) : ITrialObserver
    {
        public Dictionary<long, long> Samples { get; } = [];

        public void OnRecorded(HistoryPoint point)
        {
            if (sampleAt.Contains(point.Step))
            {
                Samples[point.Step] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            }
        }
    }
}
