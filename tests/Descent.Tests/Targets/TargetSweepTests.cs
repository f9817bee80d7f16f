using Descent.Runs;
using Descent.Tests.Datasets;
using Descent.Tests.Support;
using Descent.Tests.Sweeps;
using Descent.Tracking.FileStore;

namespace Descent.Tests.Targets;

/// <summary>
/// A sweep with targets, run in worker processes and in-process: each tracked run carries its target as params and its
/// time to target as metrics, equal in both (the worker protocol carries the target), and equal to the first point of the
/// run's own <c>valid/accuracy</c> history that reaches the target.
/// </summary>
public sealed class TargetSweepTests
{
    private const string File = """
        name: target-sweep
        objective: { id: logistic-regression }
        dataset: { id: mnist, args: { valid_rows: 200 } }
        training: { epochs: 2, batch_size: 25, eval_every: 50 }
        target: { metric: valid/accuracy, value: 0.5 }
        seeds: 1
        optimizers:
          - id: torch-sgd
            hyperparameters: { lr: 0.5 }
          - id: adam
            hyperparameters: { lr: 0.01 }
            target: { metric: valid/accuracy, value: 0.4, stop: true }
        """;

    [Test]
    public async Task Workers_and_in_process_give_the_same_time_to_target_and_it_is_the_first_evaluation_that_reached_it()
    {
        using var data = new TempDirectory();
        using var scratch = new ScratchDirectory();
        string file = scratch.File("target-sweep.yaml");
        System.IO.File.WriteAllText(file, File);
        SeparableImages.Write(data.Path);

        var inProcess = await Times(file, scratch.File("in-process"), data.Path, "--in-process");
        var workers = await Times(file, scratch.File("workers"), data.Path, "--parallel", "1");

        Assert.That(workers, Is.EqualTo(inProcess));
        Assert.That(inProcess.Values.Select(t => t.Target), Is.EquivalentTo(new[] { "valid/accuracy>=0.5", "valid/accuracy>=0.4 stop" }));
        Assert.That(inProcess.Values.Single(t => t.Target.EndsWith("stop", StringComparison.Ordinal)).Stopped, Is.EqualTo(1.0));
    }

    [Test]
    public void A_target_metric_the_trials_do_not_record_stops_the_sweep_before_the_first_trial()
    {
        using var data = new TempDirectory();
        using var scratch = new ScratchDirectory();
        string file = scratch.File("target-sweep.yaml");
        System.IO.File.WriteAllText(file, File.Replace("metric: valid/accuracy, value: 0.5", "metric: validation/accuracy, value: 0.5", StringComparison.Ordinal));
        SeparableImages.Write(data.Path);

        var run = CliRun.Of(["sweep", file, "--no-track", "--no-report", "--data-dir", data.Path, "--offline", "--in-process"]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Out);
        Assert.That(run.Error.Split('\n').Select(l => l.TrimEnd('\r')), Has.Some.EqualTo(
            "error: trial-0000 torch-sgd lr=0.5 seed=0 and every trial with its target: target metric 'validation/accuracy' is not one this trial records; " +
            "use one of: train/loss, train_eval/loss, train_eval/accuracy, valid/loss, valid/accuracy, test/loss, test/accuracy"));
        Assert.That(run.Out, Does.Not.Contain("finished"), "no trial ran");
    }

    /// <summary>Per trial identity: the target params, the time to target (steps, samples), whether it stopped, after checking the samples against the history.</summary>
    private static async Task<Dictionary<string, (string Target, double Steps, double Samples, double Stopped)>> Times(string file, string store, string data, params string[] where)
    {
        var run = CliRun.Of(["sweep", file, "--tracking-uri", store, "--no-report", "--data-dir", data, "--offline", .. where]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var tracking = new FileTrackingStore(store);
        var times = new Dictionary<string, (string, double, double, double)>();
        foreach (var trial in SweepStore.Trials(store, "target-sweep"))
        {
            double value = double.Parse(trial.Params[RunKeys.Params.TargetValue], System.Globalization.CultureInfo.InvariantCulture);
            var history = await tracking.GetMetricHistoryAsync(trial.Info.RunId, "valid/accuracy");
            var first = history.OrderBy(m => m.Step).First(m => m.Value >= value);
            double samples = trial.LatestMetrics[RunKeys.Metrics.TimeToTargetSamples].Value;
            Assert.That(samples, Is.EqualTo(first.Step), "the first valid/accuracy point at or above the target");
            Assert.That(trial.LatestMetrics[RunKeys.Metrics.TimeToTargetSteps].Value, Is.EqualTo(samples / 25));
            string target = $"{trial.Params[RunKeys.Params.TargetMetric]}>={trial.Params[RunKeys.Params.TargetValue]}" +
                            (trial.Params[RunKeys.Params.TargetStop] == "true" ? " stop" : "");
            Assert.That(trial.Params[RunKeys.Params.TargetMode], Is.EqualTo("max"));
            times[trial.Tag(RunKeys.Tags.TrialHash)!] = (target, trial.LatestMetrics[RunKeys.Metrics.TimeToTargetSteps].Value, samples,
                trial.LatestMetrics[RunKeys.Metrics.StoppedAtTarget].Value);
        }

        Assert.That(times, Has.Count.EqualTo(2));
        return times;
    }
}
