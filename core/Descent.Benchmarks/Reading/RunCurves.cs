using System.Collections.Concurrent;
using Descent.Benchmarks.Expansion;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Benchmarks.Reading;

/// <summary>
/// Reads the curves of a benchmark's trials: from the tracking store (every shard's runs, by trial identity; a trial
/// run more than once counts by its FINISHED run), or from the results of trials that ran here untracked.
/// </summary>
public static class RunCurves
{
    /// <summary>The metric with the training clock at each evaluation (<see cref="RunKeys.Metrics.TrainSeconds"/>).</summary>
    public const string TrainSecondsMetric = RunKeys.Metrics.TrainSeconds;

    private const int ParallelReads = 8;

    /// <summary>The curves of the trials among <paramref name="trials"/> that have a final run in <paramref name="runs"/>, by identity.</summary>
    public static async Task<IReadOnlyDictionary<string, RunCurve>> ReadAsync(
        ITrackingStore store, IReadOnlyList<Run> runs, IEnumerable<BenchmarkTrial> trials, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runs);
        var wanted = trials.GroupBy(t => t.Sweep.Identity).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var final = runs
            .Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.TrialKind && r.Info.Status is RunStatus.Finished or RunStatus.Failed)
            .Where(r => r.Tag(RunKeys.Tags.TrialHash) is { } h && wanted.ContainsKey(h))
            .GroupBy(r => r.Tag(RunKeys.Tags.TrialHash)!)
            .Select(g => g.OrderBy(r => r.Info.Status == RunStatus.Finished ? 0 : 1).ThenByDescending(r => r.Info.StartTime).First())
            .ToArray();
        var curves = new ConcurrentDictionary<string, RunCurve>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellation };
        await Parallel.ForEachAsync(final, options, async (run, token) =>
        {
            var trial = wanted[run.Tag(RunKeys.Tags.TrialHash)!];
            var workload = trial.Cell.Workload;
            bool ended = run.Info.Status == RunStatus.Finished;
            var selection = ended ? await HistoryAsync(store, run.RunId, workload.Target.Metric, token).ConfigureAwait(false) : [];
            var seconds = ended && run.LatestMetrics.ContainsKey(TrainSecondsMetric) ? await HistoryAsync(store, run.RunId, TrainSecondsMetric, token).ConfigureAwait(false) : [];
            double? test = workload.TestMetric is { } key && run.LatestMetrics.TryGetValue(key, out var t) ? t.Value : null;
            double wall = run.LatestMetrics.TryGetValue(RunKeys.Metrics.WallSeconds, out var w) ? w.Value : double.NaN;
            curves[trial.Sweep.Identity] = new RunCurve(trial.Sweep.Identity, ended, selection, seconds, test, wall);
        }).ConfigureAwait(false);
        return curves;
    }

    /// <summary>The curve of a trial that ran here (untracked).</summary>
    public static RunCurve FromResult(BenchmarkTrial trial, TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(result);
        var workload = trial.Cell.Workload;
        bool ended = result.Status is TrialStatus.Finished or TrialStatus.Diverged;
        return new RunCurve(trial.Sweep.Identity, ended, Points(result, workload.Target.Metric), Points(result, TrainSecondsMetric), Last(result, workload.TestMetric), result.WallSeconds);
    }

    private static List<MetricPoint> Points(TrialResult result, string metric)
    {
        if (metric == RunKeys.Metrics.Loss)
        {
            bool data = result.History.Any(p => p.Samples > 0);
            return result.History.Select(p => new MetricPoint(data ? p.Samples : p.Step, p.Loss)).ToList();
        }

        if (metric == TrainSecondsMetric)
        {
            // One point per evaluation time point, as the tracker logs it: the splits of one evaluation share their clock.
            return result.Evaluations
                .DistinctBy(e => e.Samples)
                .Select(e => new MetricPoint(e.Samples, e.TrainSeconds))
                .ToList();
        }

        int slash = metric.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return [];
        }

        string split = metric[..slash];
        string name = metric[(slash + 1)..];
        return result.Evaluations
            .Where(e => e.Split == split)
            .Select(e => name switch
            {
                "loss" => (double?)e.Loss,
                "accuracy" => e.Accuracy,
                _ => null,
            } is { } value ? new MetricPoint(e.Samples, value) : (MetricPoint?)null)
            .OfType<MetricPoint>()
            .ToList();
    }

    private static double? Last(TrialResult result, string? metric) =>
        metric is null ? null : Points(result, metric) is { Count: > 0 } points ? points[^1].Value : null;

    private static async Task<IReadOnlyList<MetricPoint>> HistoryAsync(ITrackingStore store, string runId, string key, CancellationToken cancellation)
    {
        var history = await store.GetMetricHistoryAsync(runId, key, cancellation).ConfigureAwait(false);
        return history.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).Select(m => new MetricPoint(m.Step, m.Value)).ToArray();
    }
}
