using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;
using Descent.Tracking.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Descent.Tracking.Sync;

/// <summary>
/// Replays the runs of a local FileStore (the spool, or any <c>./mlruns</c>) into another store, usually
/// a tracking server. Experiments are matched by name (created when missing); runs by their
/// <c>descent.origin</c> tag (a run without one is known by its local id), so a run that reached the
/// server in part is completed rather than copied, and a second sync writes nothing. For each run it
/// adds the params, tags and metric points the target lacks, uploads artifacts that are missing or
/// differ in size, and sets the status and end time. Parents are synced before their children, and
/// <c>mlflow.parentRunId</c> is rewritten to the parent's id on the target.
/// </summary>
public sealed class RunSync(FileTrackingStore source, ITrackingStore target, ILogger? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger.Instance;

    /// <summary>Syncs every experiment of the source, or only <paramref name="experimentName"/>.</summary>
    /// <exception cref="TrackingUnavailableException">The target could not be reached (runs synced so far stay synced).</exception>
    public async Task<SyncReport> SyncAsync(string? experimentName = null, CancellationToken cancellation = default)
    {
        var synced = new List<SyncedRun>();
        foreach (var experiment in source.ListExperiments().Where(e => experimentName is null || e.Name == experimentName))
        {
            var runs = await source.SearchRunsAsync(experiment.ExperimentId, RunFilter.All, cancellation).ConfigureAwait(false);
            if (runs.Count == 0)
            {
                continue;
            }

            var targetExperiment = await target.GetOrCreateExperimentAsync(experiment.Name, cancellation).ConfigureAwait(false);
            var targetIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var run in ParentsFirst(runs))
            {
                var result = await SyncRunAsync(experiment.Name, targetExperiment.ExperimentId, run, targetIds, cancellation).ConfigureAwait(false);
                if (result.TargetRunId.Length > 0)
                {
                    targetIds[run.RunId] = result.TargetRunId;
                }

                logger.LogInformation("sync: {Experiment} {Run} -> {Target}: {Action}", experiment.Name, run.RunId, result.TargetRunId, result.Action);
                synced.Add(result);
            }
        }

        return new SyncReport(synced);
    }

    private async Task<SyncedRun> SyncRunAsync(string experimentName, string targetExperimentId, Run run, Dictionary<string, string> targetIds, CancellationToken cancellation)
    {
        var problems = new List<string>();
        string origin = run.Tag(RunOrigin.Tag) ?? run.RunId;
        var tags = new Dictionary<string, string>(run.Tags, StringComparer.Ordinal) { [RunOrigin.Tag] = origin };
        if (tags.TryGetValue(MlflowTags.ParentRunId, out string? parent) && targetIds.TryGetValue(parent, out string? targetParent))
        {
            tags[MlflowTags.ParentRunId] = targetParent;
        }

        var existing = await target.SearchRunsAsync(targetExperimentId, RunFilter.Tag(RunOrigin.Tag, origin), cancellation).ConfigureAwait(false);
        if (existing.Count > 1)
        {
            problems.Add($"{existing.Count} runs on the target carry {RunOrigin.Tag} = {origin}; syncing into the newest, {existing[0].RunId}");
        }

        bool created = existing.Count == 0;
        Run remote;
        int tagsAtCreation = 0;
        if (created)
        {
            var creation = new RunCreation(
                targetExperimentId,
                run.Info.RunName,
                run.Info.StartTime,
                run.Info.UserId,
                origin,
                tags.Select(t => new RunTag(t.Key, t.Value)).ToArray(),
                tags.GetValueOrDefault(MlflowTags.ParentRunId));
            var info = await target.CreateRunAsync(creation, cancellation).ConfigureAwait(false);
            remote = new Run(info, new Dictionary<string, string>(), creation.AllTags().ToDictionary(t => t.Key, t => t.Value), new Dictionary<string, Metric>());
            // The tags went with the creation, so none is left to change below; they were copied all the same.
            tagsAtCreation = tags.Count(t => remote.Tag(t.Key) == t.Value);
        }
        else
        {
            remote = existing[0];
        }

        var missingParams = new List<Param>();
        foreach (var (key, value) in run.Params)
        {
            if (!remote.Params.TryGetValue(key, out string? held))
            {
                missingParams.Add(new Param(key, value));
            }
            else if (held != value)
            {
                problems.Add($"param '{key}' is '{held}' on the target but '{value}' here; params cannot change, left as it is");
            }
        }

        var changedTags = tags.Where(t => remote.Tag(t.Key) != t.Value).Select(t => new RunTag(t.Key, t.Value)).ToArray();
        var missingMetrics = new List<Metric>();
        foreach (string key in run.LatestMetrics.Keys.Order(StringComparer.Ordinal))
        {
            var local = await source.GetMetricHistoryAsync(run.RunId, key, cancellation).ConfigureAwait(false);
            IReadOnlyList<Metric> held = remote.LatestMetrics.ContainsKey(key)
                ? await target.GetMetricHistoryAsync(remote.RunId, key, cancellation).ConfigureAwait(false)
                : [];
            missingMetrics.AddRange(MetricPoints.Missing(local, held));
        }

        foreach (var batch in LogBatchBuilder.Split(missingParams, changedTags, missingMetrics))
        {
            await target.LogBatchAsync(remote.RunId, batch, cancellation).ConfigureAwait(false);
        }

        int artifacts = await SyncArtifactsAsync(run, remote, problems, cancellation).ConfigureAwait(false);
        bool statusChanged = remote.Info.Status != run.Info.Status || remote.Info.EndTime != run.Info.EndTime;
        if (statusChanged)
        {
            await target.UpdateRunAsync(remote.RunId, run.Info.Status, run.Info.EndTime, cancellation).ConfigureAwait(false);
        }

        bool wrote = missingParams.Count + changedTags.Length + missingMetrics.Count + artifacts > 0 || statusChanged;
        var action = created ? SyncAction.Created : wrote ? SyncAction.Updated : SyncAction.Unchanged;
        return new SyncedRun(experimentName, run.RunId, remote.RunId, action, missingParams.Count, tagsAtCreation + changedTags.Length, missingMetrics.Count, artifacts, problems);
    }

    private async Task<int> SyncArtifactsAsync(Run run, Run remote, List<string> problems, CancellationToken cancellation)
    {
        var local = await source.ListArtifactsAsync(run.Info, cancellation).ConfigureAwait(false);
        if (local.Count == 0)
        {
            return 0;
        }

        var held = (await target.ListArtifactsAsync(remote.Info, cancellation).ConfigureAwait(false)).ToDictionary(f => f.Path, f => f.Size, StringComparer.Ordinal);
        string root = source.ArtifactDirectory(run.Info);
        int uploaded = 0;
        foreach (var file in local)
        {
            if (held.TryGetValue(file.Path, out long? size) && size == file.Size)
            {
                continue;
            }

            try
            {
                await target.LogArtifactAsync(remote.Info, Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar)), file.Path, cancellation).ConfigureAwait(false);
                uploaded++;
            }
            catch (MlflowApiException e)
            {
                problems.Add($"artifact '{file.Path}': {e.Message}");
            }
        }

        return uploaded;
    }

    /// <summary>Runs ordered so that a parent comes before its children (by depth; ties by start time).</summary>
    private static IEnumerable<Run> ParentsFirst(IReadOnlyList<Run> runs)
    {
        var byId = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        int Depth(Run run)
        {
            int depth = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = run; current.Tag(MlflowTags.ParentRunId) is { } p && byId.TryGetValue(p, out var up) && seen.Add(p); current = up)
            {
                depth++;
            }

            return depth;
        }

        return runs.OrderBy(Depth).ThenBy(r => r.Info.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal);
    }
}
