using Descent.Engine.Trials;
using Descent.Runs.Trials;
using Descent.Tracking.Model;

namespace Descent.Runs.Sweeps;

/// <summary>
/// How a sweep maps onto MLflow runs beyond its tags (<see cref="RunKeys.Tags"/>): the summary its parent run
/// logs as metrics, so that MLflow's chart view of the experiment shows the sweep at a glance.
/// </summary>
public static class SweepRunLayout
{
    /// <summary>
    /// The parent's summary metrics over its children (the latest run of each trial, a FINISHED one first):
    /// <see cref="RunKeys.Metrics.BestFinalLoss"/> (the lowest finite final loss, when any) and one count per
    /// trial status, <c>trials_finished</c>, <c>trials_diverged</c>, <c>trials_failed</c>, <c>trials_killed</c>
    /// (zeros included, so every sweep charts the same keys). Step: the number of trials counted.
    /// </summary>
    /// <param name="children">The sweep's child runs (any number per trial; runs of other sweeps must be left out by the caller).</param>
    /// <param name="timestamp">Milliseconds since the Unix epoch.</param>
    public static IReadOnlyList<Metric> Summary(IEnumerable<Run> children, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(children);
        var latest = children
            .GroupBy(r => r.Tag(RunKeys.Tags.TrialHash) ?? r.RunId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.Info.Status == RunStatus.Finished).ThenByDescending(r => r.Info.StartTime).First())
            .Select(r => (Status: TrialRunLayout.ReadStatus(r), FinalLoss: r.LatestMetrics.TryGetValue(RunKeys.Metrics.FinalLoss, out var m) ? m.Value : double.NaN))
            .ToArray();
        return Summary(latest.Where(t => t.Status is not null).Select(t => (t.Status!.Value, t.FinalLoss)), timestamp, latest.Length);
    }

    /// <summary>The same summary from each trial's status and final loss (one entry per trial), as the process that ran them knows them.</summary>
    public static IReadOnlyList<Metric> Summary(IEnumerable<(TrialStatus Status, double FinalLoss)> trials, long timestamp) =>
        Summary(trials.ToArray(), timestamp, null);

    private static IReadOnlyList<Metric> Summary(IEnumerable<(TrialStatus Status, double FinalLoss)> trials, long timestamp, int? counted)
    {
        var all = trials.ToArray();
        long step = counted ?? all.Length;
        var metrics = Enum.GetValues<TrialStatus>()
            .Select(s => new Metric(RunKeys.Metrics.TrialsWithStatus(TrialRunLayout.StatusTag(s)), all.Count(t => t.Status == s), timestamp, step))
            .ToList();
        var finalLosses = all.Where(t => t.Status == TrialStatus.Finished && double.IsFinite(t.FinalLoss)).Select(t => t.FinalLoss).ToArray();
        if (finalLosses.Length > 0)
        {
            metrics.Insert(0, new Metric(RunKeys.Metrics.BestFinalLoss, finalLosses.Min(), timestamp, step));
        }

        return metrics;
    }

    /// <summary>True for a child run of the sweep <paramref name="sweepIdentity"/>.</summary>
    public static bool IsChildOf(Run run, string sweepIdentity)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.TrialKind && run.Tag(RunKeys.Tags.Sweep) == sweepIdentity;
    }
}
