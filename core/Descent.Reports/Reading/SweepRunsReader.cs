using System.Collections.Concurrent;
using System.Globalization;
using Descent.Contracts;
using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Sweeps;
using Descent.Runs.Trials;
using Descent.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Reports.Reading;

/// <summary>
/// Reads a report's runs from an MLflow store, so that a sweep run by many processes or machines is
/// reported whole: for an experiment file, the runs tagged with its sweep identity; for an experiment
/// alone, its newest complete sweep (parent run FINISHED), else every trial run in it. A trial that ran
/// more than once (killed, then run again) counts once, by its finished run.
/// </summary>
public static class SweepRunsReader
{
    /// <summary>Runs whose histories are read at once (a server answers them in parallel).</summary>
    private const int ParallelReads = 8;

    /// <summary>The runs, with their loss histories and trajectories.</summary>
    /// <exception cref="ReportException">No such experiment, or nothing of the sweep in it.</exception>
    public static async Task<SweepRuns> ReadAsync(ITrackingStore store, ReportSource source, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(source);
        string location = TrackingUri.Scrub(store.Location);
        var experiment = await store.GetExperimentByNameAsync(source.ExperimentName, cancellation).ConfigureAwait(false)
            ?? throw new ReportException(
                $"no experiment '{source.ExperimentName}' at {location}; check the name (a sweep's runs go to the file's 'name:' unless --experiment named another) and --tracking-uri");
        if (!experiment.IsActive)
        {
            throw new ReportException($"experiment '{source.ExperimentName}' at {location} is deleted; restore it (mlflow experiments restore) or name another");
        }

        var selection = source.Plan is { } plan
            ? await OfPlanAsync(store, experiment, location, plan, cancellation).ConfigureAwait(false)
            : await OfExperimentAsync(store, experiment, location, cancellation).ConfigureAwait(false);
        var runs = await LoadAsync(store, selection.Runs, cancellation).ConfigureAwait(false);
        return selection.Info with { Runs = runs };
    }

    private static async Task<(SweepRuns Info, IReadOnlyList<Run> Runs)> OfPlanAsync(
        ITrackingStore store, Experiment experiment, string location, SweepOutline plan, CancellationToken cancellation)
    {
        var tagged = await store.SearchRunsAsync(experiment.ExperimentId, RunFilter.Tag(RunKeys.Tags.Sweep, plan.Identity), cancellation).ConfigureAwait(false);
        var parent = Parents(tagged).FirstOrDefault();
        var identities = plan.Trials.Select(t => t.Identity).ToHashSet(StringComparer.Ordinal);
        var children = OnePerTrial(tagged.Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.TrialKind && r.Tag(RunKeys.Tags.TrialHash) is { } h && identities.Contains(h)));
        var finished = children.Where(r => r.Info.Status == RunStatus.Finished).Select(r => r.Tag(RunKeys.Tags.TrialHash)!).ToHashSet(StringComparer.Ordinal);
        if (finished.Count == 0)
        {
            int running = children.Count(r => r.Info.Status == RunStatus.Running);
            throw new ReportException(
                $"experiment '{experiment.Name}' at {location} holds no finished run of sweep {plan.Identity[..12]} ({plan.FilePath}): " +
                $"0 of {plan.Trials.Count} trials have finished runs{(running > 0 ? $", {running} running" : "")}. " +
                "The sweep may still be running (try again when it ends), may not have started, or its runs are in another experiment (--experiment NAME)" +
                await NamesakesAsync(store, experiment, plan, cancellation).ConfigureAwait(false));
        }

        var missing = plan.Trials.Where(t => !finished.Contains(t.Identity)).Select(t => t.Name).ToArray();
        var info = new SweepRuns(
            experiment, location, plan.Identity, plan.Name, plan.FilePath, Trimmed(plan.Description), parent?.RunId, plan.Trials.Count, [], missing);
        return (info, children);
    }

    private static async Task<(SweepRuns Info, IReadOnlyList<Run> Runs)> OfExperimentAsync(
        ITrackingStore store, Experiment experiment, string location, CancellationToken cancellation)
    {
        var all = await store.SearchRunsAsync(experiment.ExperimentId, RunFilter.All, cancellation).ConfigureAwait(false);
        var parent = Parents(all).Where(r => r.Info.Status == RunStatus.Finished).OrderByDescending(r => r.Info.StartTime).FirstOrDefault();
        if (parent is not null)
        {
            string sweep = parent.Tag(RunKeys.Tags.Sweep)!;
            var children = OnePerTrial(all.Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.TrialKind && r.Tag(RunKeys.Tags.Sweep) == sweep));
            int? planned = int.TryParse(parent.Tag(RunKeys.Tags.TrialCount), NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) ? count : null;
            var info = new SweepRuns(
                experiment, location, sweep, parent.Tag(RunKeys.Tags.SweepName), parent.Tag(RunKeys.Tags.SweepFile), Trimmed(parent.Tag(MlflowTags.Note)),
                parent.RunId, planned, [], []);
            return (info, children);
        }

        var trials = OnePerTrial(all.Where(r => TrialRunLayout.IsTrial(r.Params)));
        if (trials.Count == 0)
        {
            bool sweeping = Parents(all).Any();
            throw new ReportException(
                $"experiment '{experiment.Name}' at {location} holds no trial runs" +
                (sweeping ? "; a sweep in it has not finished a trial yet (it may still be running: try again when it ends)" : "; run a sweep or trials into it first"));
        }

        return (new SweepRuns(experiment, location, null, null, null, null, null, null, [], []), trials);
    }

    /// <summary>
    /// A hint when the experiment holds other sweeps of the same name: the file, or the plugin assemblies a
    /// trial's identity includes, changed since they ran, so the file now expands into another sweep.
    /// </summary>
    private static async Task<string> NamesakesAsync(ITrackingStore store, Experiment experiment, SweepOutline plan, CancellationToken cancellation)
    {
        var all = await store.SearchRunsAsync(experiment.ExperimentId, RunFilter.Tag(RunKeys.Tags.SweepName, plan.Name), cancellation).ConfigureAwait(false);
        var others = Parents(all).Where(r => r.Tag(RunKeys.Tags.Sweep) != plan.Identity).ToArray();
        if (others.Length == 0)
        {
            return "";
        }

        var newest = others[^1];
        return $". The experiment holds {others.Length} other sweep{(others.Length == 1 ? "" : "s")} named '{plan.Name}' " +
               $"(newest {newest.Tag(RunKeys.Tags.Sweep)![..12]}, {RunStatusNames.ToName(newest.Info.Status).ToLowerInvariant()}): the file or the plugin assemblies " +
               $"(a trial's identity includes each plugin's SHA-256) changed since it ran; report it with: descent report --experiment {experiment.Name}";
    }

    /// <summary>The sweep parents among <paramref name="runs"/> (not the duplicates two shards made at once).</summary>
    private static IEnumerable<Run> Parents(IEnumerable<Run> runs) =>
        runs.Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind && r.Tag(RunKeys.Tags.Sweep) is not null && r.Tag(RunKeys.Tags.DuplicateOf) is null)
            .OrderBy(r => r.Info.StartTime);

    /// <summary>One run per trial identity: the newest finished one, else the newest; in sweep order.</summary>
    private static List<Run> OnePerTrial(IEnumerable<Run> runs) =>
        runs.GroupBy(r => r.Tag(RunKeys.Tags.TrialHash) ?? r.RunId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.Info.Status == RunStatus.Finished).ThenByDescending(r => r.Info.StartTime).First())
            .OrderBy(r => TrialIndex(r) ?? int.MaxValue)
            .ThenBy(r => r.Info.StartTime)
            .ThenBy(r => r.RunId, StringComparer.Ordinal)
            .ToList();

    private static async Task<IReadOnlyList<ReportRun>> LoadAsync(ITrackingStore store, IReadOnlyList<Run> runs, CancellationToken cancellation)
    {
        var loaded = new ConcurrentDictionary<int, ReportRun>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellation };
        await Parallel.ForEachAsync(Enumerable.Range(0, runs.Count), options, async (i, token) =>
            loaded[i] = await LoadAsync(store, runs[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return Enumerable.Range(0, runs.Count).Select(i => loaded[i]).ToArray();
    }

    private static async Task<ReportRun> LoadAsync(ITrackingStore store, Run run, CancellationToken cancellation)
    {
        var outcome = Outcome(run);
        var loss = LossHistory.Empty;
        var trajectory = TrajectoryHistory.Empty;
        var validAccuracy = MetricHistory.Empty;
        var testAccuracy = MetricHistory.Empty;
        if (outcome is TrialOutcome.Finished or TrialOutcome.Diverged)
        {
            validAccuracy = await AccuracyAsync(store, run, SplitNames.Valid, cancellation).ConfigureAwait(false);
            testAccuracy = await AccuracyAsync(store, run, SplitNames.Test, cancellation).ConfigureAwait(false);
            bool usesData = TrialRunLayout.ReadDataset(run.Params) is not null;
            var lossPoints = Ordered(await store.GetMetricHistoryAsync(run.RunId, RunKeys.Metrics.Loss, cancellation).ConfigureAwait(false));
            var epochs = usesData
                ? Ordered(await store.GetMetricHistoryAsync(run.RunId, RunKeys.Metrics.Epoch, cancellation).ConfigureAwait(false)).ToDictionary(m => m.Step, m => m.Value)
                : null;
            loss = new LossHistory(
                lossPoints.Select(m => m.Step).ToArray(),
                lossPoints.Select(m => epochs is null ? m.Step : epochs.TryGetValue(m.Step, out double e) ? e : double.NaN).ToArray(),
                lossPoints.Select(m => m.Value).ToArray());
            trajectory = await TrajectoryAsync(store, run, cancellation).ConfigureAwait(false);
        }

        return new ReportRun(
            run.RunId,
            run.Info.RunName,
            ConfigurationLabel.Of(run),
            TrialIndex(run),
            outcome,
            run.Params,
            Latest(run, RunKeys.Metrics.FinalLoss),
            Latest(run, RunKeys.Metrics.SecondsPerEpoch),
            Latest(run, RunKeys.Metrics.WallSeconds),
            run.Tag(RunKeys.Tags.Error),
            run.Info.StartTime,
            run.Info.EndTime,
            loss,
            trajectory)
        {
            ValidAccuracy = validAccuracy,
            TestAccuracy = testAccuracy,
            TimeToTarget = TimeToTargetOf(run),
        };
    }

    /// <summary><c>SPLIT/accuracy</c>'s history, read only when the run logged it.</summary>
    private static async Task<MetricHistory> AccuracyAsync(ITrackingStore store, Run run, string split, CancellationToken cancellation)
    {
        string key = RunKeys.Metrics.SplitMetric(split, "accuracy");
        if (!run.LatestMetrics.ContainsKey(key))
        {
            return MetricHistory.Empty;
        }

        var points = Ordered(await store.GetMetricHistoryAsync(run.RunId, key, cancellation).ConfigureAwait(false));
        return new MetricHistory(points.Select(m => m.Step).ToArray(), points.Select(m => m.Value).ToArray());
    }

    /// <summary>The <c>time_to_target/*</c> metrics, when the run logged them (it reached its target).</summary>
    private static TimeToTarget? TimeToTargetOf(Run run) =>
        Latest(run, RunKeys.Metrics.TimeToTargetSteps) is { } steps && Latest(run, RunKeys.Metrics.TimeToTargetSamples) is { } samples
            ? new TimeToTarget((long)steps, (long)samples, Latest(run, RunKeys.Metrics.TimeToTargetSeconds) ?? double.NaN)
            : null;

    /// <summary>The iterates: one coordinate per <c>trajectory/</c> metric (in key order: <c>x_0</c>, <c>x_1</c>), joined by step.</summary>
    private static async Task<TrajectoryHistory> TrajectoryAsync(ITrackingStore store, Run run, CancellationToken cancellation)
    {
        var keys = TrialRunLayout.ReadTrajectoryKeys(run);
        if (keys.Count is 0 or > 2)
        {
            return TrajectoryHistory.Empty;
        }

        var coordinates = new List<Dictionary<long, double>>();
        foreach (string key in keys)
        {
            var history = await store.GetMetricHistoryAsync(run.RunId, key, cancellation).ConfigureAwait(false);
            coordinates.Add(Ordered(history).ToDictionary(m => m.Step, m => m.Value));
        }

        var steps = coordinates[0].Keys.Order().Where(step => coordinates.All(c => c.ContainsKey(step))).ToArray();
        return new TrajectoryHistory(steps, steps.Select(step => coordinates.Select(c => c[step]).ToArray()).ToArray());
    }

    /// <summary>One point per step (the last logged wins, as MLflow's charts show it), by step.</summary>
    private static Metric[] Ordered(IReadOnlyList<Metric> history) =>
        history.GroupBy(m => m.Step).Select(g => g.Last()).OrderBy(m => m.Step).ToArray();

    private static TrialOutcome Outcome(Run run) => TrialRunLayout.ReadStatus(run) switch
    {
        TrialStatus.Finished when run.Info.Status == RunStatus.Finished => TrialOutcome.Finished,
        TrialStatus.Diverged => TrialOutcome.Diverged,
        TrialStatus.Failed => TrialOutcome.Failed,
        TrialStatus.Killed => TrialOutcome.Killed,
        _ => run.Info.Status switch
        {
            RunStatus.Finished => TrialOutcome.Finished,
            RunStatus.Failed => TrialOutcome.Failed,
            RunStatus.Killed => TrialOutcome.Killed,
            _ => TrialOutcome.Running,
        },
    };

    private static double? Latest(Run run, string key) => run.LatestMetrics.TryGetValue(key, out var metric) ? metric.Value : null;

    private static int? TrialIndex(Run run) =>
        int.TryParse(run.Tag(RunKeys.Tags.TrialIndex), NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) ? index : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
