using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Reading;
using Descent.Benchmarks.Running;
using Descent.Runs;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Cli.Bench;

/// <summary>
/// Writes a finished run for every trial of a benchmark plan (its tuning trials, then the reruns of each study's best)
/// straight into a tracking store, with the tags and metric histories a real trial run has, so the scores can be
/// read back from a store of any size without training anything. The curves are made up (a decaying loss whose
/// rate grows with the trial's index); only their number and shape matter here.
/// </summary>
internal static class SyntheticBenchmarkRuns
{
    /// <summary>Evaluations per run.</summary>
    public const int Points = 20;

    /// <summary>Writes the runs into <paramref name="experimentId"/>; returns how many.</summary>
    public static async Task<int> WriteAsync(ITrackingStore store, string experimentId, BenchmarkPlan plan, CancellationToken cancellation)
    {
        await WriteAsync(store, experimentId, plan, plan.Tuning, cancellation).ConfigureAwait(false);
        var tuning = plan.Tuning.ToDictionary(t => t.Sweep.Identity, Curve, StringComparer.Ordinal);
        var reruns = StudySelection.Studies(plan)
            .Select(study => StudySelection.Best(study, tuning, out _))
            .OfType<BenchmarkTrial>()
            .SelectMany(plan.Reruns)
            .ToArray();
        await WriteAsync(store, experimentId, plan, reruns, cancellation).ConfigureAwait(false);
        return plan.Tuning.Count + reruns.Length;
    }

    private static Task WriteAsync(ITrackingStore store, string experimentId, BenchmarkPlan plan, IReadOnlyList<BenchmarkTrial> trials, CancellationToken cancellation) =>
        Parallel.ForEachAsync(trials, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellation }, async (trial, token) =>
        {
            long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var creation = new RunCreation(
                experimentId,
                $"trial-{trial.Sweep.Index:D5}",
                start,
                "bench",
                $"bench-{trial.Sweep.Identity}",
                [
                    new RunTag(RunKeys.Tags.Kind, RunKeys.Tags.TrialKind),
                    new RunTag(RunKeys.Tags.TrialHash, trial.Sweep.Identity),
                    new RunTag(RunKeys.Tags.Sweep, plan.Sweep.Identity),
                ]);
            var run = await store.CreateRunAsync(creation, token).ConfigureAwait(false);
            string metric = trial.Cell.Workload.Target.Metric;
            var metrics = Curve(trial).Selection
                .Select(p => new Metric(metric, p.Value, start, (long)p.Step))
                .Append(new Metric(RunKeys.Metrics.WallSeconds, 1.0, start, 0))
                .ToArray();
            await store.LogBatchAsync(run.RunId, new LogBatch(metrics, [], []), token).ConfigureAwait(false);
            await store.UpdateRunAsync(run.RunId, RunStatus.Finished, start + 1000, token).ConfigureAwait(false);
        });

    private static RunCurve Curve(BenchmarkTrial trial)
    {
        double rate = 0.05 + (0.01 * ((trial.Number + trial.Study) % 17));
        var points = Enumerable.Range(1, Points).Select(k => new MetricPoint(10 * k, Math.Exp(-rate * k))).ToArray();
        return new RunCurve(trial.Sweep.Identity, true, points, [], null, 1.0);
    }
}
