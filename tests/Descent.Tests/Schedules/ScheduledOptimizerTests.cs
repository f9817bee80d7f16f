using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Tests.Optimizers;
using Descent.Tests.Support;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Tests.Schedules;

/// <summary>
/// Every bundled optimizer follows a schedule: the rates it applied, read back from the optimizer after each
/// step and recorded as the run's <c>lr</c> metric, are the schedule's, exactly (the host sets the same double
/// the schedule returns, and the optimizer hands it back).
/// </summary>
public sealed class ScheduledOptimizerTests
{
    private static readonly Dictionary<string, string> WarmupCosine = new() { ["warmup_steps"] = "10", ["total_steps"] = "40" };

    [TestCaseSource(typeof(DiscoveredOptimizers), nameof(DiscoveredOptimizers.Ids))]
    public async Task The_rates_it_applied_are_the_schedules(string optimizer)
    {
        using var temp = new ScratchDirectory();
        using var store = new FileTrackingStore(temp.Path);
        using var session = new TrackingSession(store, "schedules", recorder: new RecorderOptions(BatchLinger: TimeSpan.FromMilliseconds(5)));
        var trial = TrialResolver.Resolve(
            TestEngine.Analytic(optimizer, "quadratic2d", 50, "-5,-2") with { Schedule = "warmup-cosine", ScheduleArgs = WarmupCosine },
            TestEngine.Catalog);
        double baseLr = trial.Optimizer.Options.Typed.FirstOrDefault(v => v.Key == "lr").Value as double? ?? 1.0;
        var schedule = Schedules.Create("warmup-cosine", WarmupCosine);

        var tracker = session.StartTrial(trial);
        var result = TestEngine.Services.GetRequiredService<TrialRunner>().Run(trial, tracker);
        var outcome = await tracker.FinishAsync(result);
        var lr = (await store.GetMetricHistoryAsync(outcome.RunId, RunKeys.Metrics.LearningRate)).OrderBy(m => m.Step).ToArray();

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        Assert.That(lr.Select(m => m.Step), Is.EqualTo(Enumerable.Range(1, 50).Select(i => (long)i)), "one rate per step, at the step that used it");
        Assert.That(lr.Select(m => m.Value), Is.EqualTo(Enumerable.Range(0, 50).Select(t => schedule.LearningRate(baseLr, t))));
    }

    /// <summary>
    /// sgd under step (step_size 3, gamma 0.5) on f = 0.1 x1² + 2 x2² from (-5, -2), by hand in float64:
    /// lr_t = 0.1 · 0.5^⌊t/3⌋, g = (0.2 x1, 4 x2) (autograd's a·(2x), exact as 2·a·x), x ← x − lr_t·g.
    /// </summary>
    [Test]
    public void Sgd_under_step_matches_a_hand_computation_bit_for_bit()
    {
        var spec = TestEngine.Analytic("sgd", "quadratic2d", 12, "-5,-2", ("lr", "0.1"), ("f.a", "0.1"), ("f.b", "2")) with
        {
            Schedule = "step",
            ScheduleArgs = new Dictionary<string, string> { ["step_size"] = "3", ["gamma"] = "0.5" },
        };

        var result = TestEngine.Run(spec);

        double x1 = -5, x2 = -2;
        for (int t = 0; t < 12; t++)
        {
            double lr = 0.1 * Math.Pow(0.5, t / 3);
            double g1 = 2 * (0.1 * x1), g2 = 2 * (2 * x2);
            x1 -= lr * g1;
            x2 -= lr * g2;
            Assert.That(result.History[t + 1].Params, Is.EqualTo(new[] { x1, x2 }), $"after step {t + 1}");
            Assert.That(result.History[t + 1].LearningRate, Is.EqualTo(lr), $"rate of step {t + 1}");
        }
    }

    [Test]
    public void Without_a_schedule_no_rate_is_recorded()
    {
        var result = TestEngine.Run(TestEngine.Analytic("sgd", "quadratic2d", 3, "-5,-2"));
        Assert.That(result.History.Select(p => p.LearningRate), Has.All.Null);
    }

    [Test]
    public void The_first_step_runs_at_the_schedules_first_rate_not_the_configured_one()
    {
        // one-cycle starts at max_lr / div_factor = 0.1 / 25 (PyTorch's arithmetic: 0.0040000000000000036).
        var spec = TestEngine.Analytic("torch-sgd", "quadratic2d", 2, "-5,-2", ("lr", "0.1")) with
        {
            Schedule = "one-cycle",
            ScheduleArgs = new Dictionary<string, string> { ["total_steps"] = "100" },
        };

        var result = TestEngine.Run(spec);

        Assert.That(result.History[1].LearningRate, Is.EqualTo(0.0040000000000000036));
    }
}
