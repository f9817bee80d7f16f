using System.Globalization;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Sweeps;
using Descent.Runs.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Sharding;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;
using Descent.Tracking.Stores;

namespace Descent.Sweeps.Tracking;

/// <summary>
/// A sweep's runs in MLflow: what the store already holds (trials FINISHED earlier are skipped; runs a
/// killed process left RUNNING are marked KILLED and run again), the parent run (reused when an earlier
/// attempt or another shard made it; when two shards make one at the same moment, the earliest wins),
/// and one child run per trial. While a process runs trials it renews a heartbeat tag of its own on the
/// parent (<see cref="HeartbeatTagPrefix"/>, every <see cref="HeartbeatInterval"/>), so the parent reads
/// RUNNING only while some shard is alive: a process that ends with the sweep incomplete and finds no other
/// heartbeat younger than <see cref="StaleAfter"/> marks the parent KILLED and <see cref="IncompleteTag"/>
/// <c>true</c> (a rerun that completes the sweep makes it FINISHED and the tag <c>false</c>).
/// </summary>
public sealed class SweepTracking
{
    /// <summary>Prefix of the parent's heartbeat tags, one per process (<c>descent.heartbeat.&lt;id&gt;</c>): the last beat in Unix milliseconds, or <see cref="Ended"/>.</summary>
    public const string HeartbeatTagPrefix = RunKeys.Tags.HeartbeatPrefix;

    /// <summary>The parent's tag saying whether the sweep was left incomplete with no shard running (<c>true</c>/<c>false</c>).</summary>
    public const string IncompleteTag = RunKeys.Tags.Incomplete;

    /// <summary>A heartbeat tag's value once its process has ended.</summary>
    public const string Ended = ParentHeartbeat.Ended;

    /// <summary>How often a running process renews its heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = ParentHeartbeat.Interval;

    /// <summary>A heartbeat older than this means its process is gone (killed, or its node lost).</summary>
    public static readonly TimeSpan StaleAfter = ParentHeartbeat.StaleAfter;

    private readonly TrackingSession session;
    private readonly SweepPlan plan;
    private readonly List<SweepTrial> added = [];
    private readonly Dictionary<string, (string? RunId, RunRecorder? Recorder)> groups = new(StringComparer.Ordinal);
    private IReadOnlyList<Run> existing;
    private readonly Dictionary<string, (TrialStatus Status, double FinalLoss)> outcomesHere = new(StringComparer.Ordinal);
    private RunRecorder? parentRecorder;
    private RunStatus? adoptedStatus;
    private ParentHeartbeat? heartbeat;

    private SweepTracking(TrackingSession session, SweepPlan plan, Experiment experiment, IReadOnlyList<Run> existing, bool reachable)
    {
        this.session = session;
        this.plan = plan;
        this.existing = existing;
        Experiment = experiment;
        Reachable = reachable;
        Finished = FinishedIn(existing);
    }

    /// <summary>The experiment (null id when the store could not be reached).</summary>
    public Experiment Experiment { get; }

    /// <summary>False when the store could not be reached: nothing is known to be finished, records go to the spool.</summary>
    public bool Reachable { get; }

    /// <summary>Identities of trials that already have a FINISHED run in the experiment (as of opening, or the last <see cref="RefreshAsync"/>).</summary>
    public IReadOnlySet<string> Finished { get; private set; }

    /// <summary>The experiment's runs as of opening, or the last <see cref="RefreshAsync"/>.</summary>
    public IReadOnlyList<Run> Runs => existing;

    /// <summary>The parent run's id, once <see cref="StartParentAsync"/> ran.</summary>
    public string? ParentRunId { get; private set; }

    /// <summary>Where the runs are.</summary>
    public string Location => session.Store.Location;

    /// <summary>Reads what the experiment already holds.</summary>
    public static async Task<SweepTracking> OpenAsync(TrackingSession session, SweepPlan plan, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            if (!await session.FirstContactAsync().ConfigureAwait(false))
            {
                // A server that does not answer within a few seconds: the trials run at once, recorded to the spool.
                return new SweepTracking(session, plan, new Experiment("", session.ExperimentName, "", "active"), [], reachable: false);
            }

            var experiment = await session.ExperimentAsync(cancellation).ConfigureAwait(false);
            var runs = await session.Store.SearchRunsAsync(experiment.ExperimentId, RunFilter.All, cancellation).ConfigureAwait(false);
            return new SweepTracking(session, plan, experiment, runs, reachable: true);
        }
        catch (TrackingUnavailableException)
        {
            return new SweepTracking(session, plan, new Experiment("", session.ExperimentName, "", "active"), [], reachable: false);
        }
    }

    /// <summary>Reads the experiment's runs again (what other processes finished meanwhile); nothing when the store cannot be reached.</summary>
    public async Task RefreshAsync(CancellationToken cancellation = default)
    {
        if (!Reachable)
        {
            return;
        }

        existing = await session.Store.SearchRunsAsync(Experiment.ExperimentId, RunFilter.All, cancellation).ConfigureAwait(false);
        Finished = FinishedIn(existing);
    }

    /// <summary>
    /// Adds trials the plan did not list when tracking opened (a benchmark's reruns, known once its tuning ended):
    /// the sweep is complete only when they have final runs too.
    /// </summary>
    public void AddTrials(IEnumerable<SweepTrial> trials)
    {
        lock (added)
        {
            added.AddRange(trials.Where(t => !added.Any(a => a.Identity == t.Identity)));
        }
    }

    /// <summary>True while another process's heartbeat on the parent is fresh (another shard is at work).</summary>
    public async Task<bool> OtherProcessAliveAsync(CancellationToken cancellation = default) =>
        Reachable && ParentRunId is not null && await (heartbeat ?? new ParentHeartbeat(session.Store, ParentRunId)).OtherAliveAsync(cancellation).ConfigureAwait(false);

    /// <summary>Marks KILLED the RUNNING runs of these trials: a process that was killed left them so (the trials run again).</summary>
    public async Task<int> MarkStaleAsync(IEnumerable<SweepTrial> trials, CancellationToken cancellation = default)
    {
        var identities = trials.Select(t => t.Identity).ToHashSet(StringComparer.Ordinal);
        var stale = existing.Where(r => r.Info.Status == RunStatus.Running && r.Tag(RunKeys.Tags.TrialHash) is { } h && identities.Contains(h)).ToArray();
        foreach (var run in stale)
        {
            await session.Store.LogBatchAsync(run.RunId, new LogBatch([], [], [new RunTag(RunKeys.Tags.Stale, "true")]), cancellation).ConfigureAwait(false);
            await session.Store.UpdateRunAsync(run.RunId, RunStatus.Killed, run.Info.EndTime ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), cancellation).ConfigureAwait(false);
        }

        return stale.Length;
    }

    /// <summary>Names the parent an earlier attempt made, without touching it (for an attempt with nothing left to run); false when there is none.</summary>
    public bool AdoptExistingParent()
    {
        var earlier = Parents(existing).FirstOrDefault();
        ParentRunId = earlier?.RunId;
        adoptedStatus = earlier?.Info.Status;
        return earlier is not null;
    }

    /// <summary>The sweep's parent run: the one an earlier attempt or another shard made, else a new one (with the experiment file attached).</summary>
    public async Task<string> StartParentAsync(CancellationToken cancellation = default)
    {
        if (ParentRunId is not null && (parentRecorder is not null || heartbeat is not null))
        {
            return ParentRunId; // started already (a benchmark runs its reruns after its tuning trials)
        }

        // On a file store (shared by processes, maybe on several nodes) the election is a check-then-create under
        // the store's own lock, so two processes starting at once make one parent; a server has no such lock, and
        // the earliest parent wins below.
        using var storeLock = Reachable ? (session.Store as FileTrackingStore)?.Lock() : null;
        var candidates = storeLock is null
            ? existing
            : await session.Store.SearchRunsAsync(Experiment.ExperimentId, RunFilter.Tag(RunKeys.Tags.Sweep, plan.Identity), cancellation).ConfigureAwait(false);
        var earlier = Parents(candidates).FirstOrDefault();
        if (earlier is not null)
        {
            ParentRunId = earlier.RunId;
            if (earlier.Info.Status != RunStatus.Running)
            {
                await session.Store.UpdateRunAsync(earlier.RunId, RunStatus.Running, null, cancellation).ConfigureAwait(false);
            }

            await StartHeartbeatAsync(cancellation).ConfigureAwait(false);
            return ParentRunId;
        }

        parentRecorder = session.StartRun(new RunStart(plan.File.Name, ParentTags()));
        ParentRunId = await parentRecorder.RunIdAsync().ConfigureAwait(false);
        if (Reachable)
        {
            // Another shard may have made a parent at the same moment: the earliest one is the sweep's.
            var experimentRuns = await session.Store.SearchRunsAsync(Experiment.ExperimentId, RunFilter.Tag(RunKeys.Tags.Sweep, plan.Identity), cancellation).ConfigureAwait(false);
            var elected = Parents(experimentRuns).FirstOrDefault();
            if (elected is not null && elected.RunId != ParentRunId)
            {
                parentRecorder.SetTag(RunKeys.Tags.DuplicateOf, elected.RunId);
                await parentRecorder.FinishAsync(RunStatus.Killed).ConfigureAwait(false);
                parentRecorder = null;
                ParentRunId = elected.RunId;
            }
        }

        await StartHeartbeatAsync(cancellation).ConfigureAwait(false);
        return ParentRunId;
    }

    /// <summary>
    /// Notes how this process's run of the trial ended: the end of the sweep then knows which trials finished
    /// here, and the parent's summary needs no store read when this process ran every trial.
    /// </summary>
    public void NoteOutcome(SweepTrial trial, TrialResult result)
    {
        lock (outcomesHere)
        {
            outcomesHere[trial.Identity] = (result.Status, result.FinalLoss);
        }
    }

    /// <summary>Starts the child run of one trial.</summary>
    public TrialTracker StartTrial(SweepTrial trial)
    {
        var tags = new List<RunTag>
        {
            new(RunKeys.Tags.Sweep, plan.Identity),
            new(RunKeys.Tags.Kind, RunKeys.Tags.TrialKind),
            new(RunKeys.Tags.Configuration, trial.Configuration),
            new(RunKeys.Tags.TrialIndex, trial.Index.ToString(CultureInfo.InvariantCulture)),
        };
        tags.AddRange(trial.Tags.Select(t => new RunTag(t.Key, t.Value)));
        if (trial.Group is { } group)
        {
            tags.Add(new RunTag(RunKeys.Tags.Group, group.Key));
            var (groupRunId, groupRecorder) = GroupRun(group);
            if (groupRecorder is null)
            {
                tags.Add(new RunTag(MlflowTags.ParentRunId, groupRunId!));
            }

            return session.StartTrial(trial.Trial, $"trial-{trial.Index:D4}", groupRecorder, tags);
        }

        if (parentRecorder is null && ParentRunId is not null)
        {
            tags.Add(new RunTag(MlflowTags.ParentRunId, ParentRunId));
        }

        return session.StartTrial(trial.Trial, $"trial-{trial.Index:D4}", parentRecorder, tags);
    }

    /// <summary>
    /// The run of a group: one an earlier attempt or another process made (found by its key, under the file
    /// store's lock so that two processes make one), else a new child of the parent.
    /// </summary>
    private (string? RunId, RunRecorder? Recorder) GroupRun(SweepGroup group)
    {
        lock (groups)
        {
            if (groups.TryGetValue(group.Key, out var known))
            {
                return known;
            }

            using var storeLock = Reachable ? (session.Store as FileTrackingStore)?.Lock() : null;
            var candidates = storeLock is null
                ? existing
                : session.Store.SearchRunsAsync(Experiment.ExperimentId, RunFilter.Tag(RunKeys.Tags.Group, group.Key), CancellationToken.None).GetAwaiter().GetResult();
            var earlier = candidates
                .Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.GroupKind && r.Tag(RunKeys.Tags.Group) == group.Key && r.Tag(RunKeys.Tags.Sweep) == plan.Identity)
                .OrderBy(r => r.Info.StartTime)
                .ThenBy(r => r.RunId, StringComparer.Ordinal)
                .FirstOrDefault();
            if (earlier is not null)
            {
                return groups[group.Key] = (earlier.RunId, null);
            }

            var tags = new List<RunTag>
            {
                new(RunKeys.Tags.Sweep, plan.Identity),
                new(RunKeys.Tags.Kind, RunKeys.Tags.GroupKind),
                new(RunKeys.Tags.Group, group.Key),
            };
            tags.AddRange(group.Tags.Select(t => new RunTag(t.Key, t.Value)));
            if (parentRecorder is null && ParentRunId is not null)
            {
                tags.Add(new RunTag(MlflowTags.ParentRunId, ParentRunId));
            }

            var recorder = session.StartRun(new RunStart(group.Name, tags, parentRecorder));
            if (storeLock is not null)
            {
                // The run must exist in the store before the lock is released, so that another process finds it.
                recorder.RunIdAsync().GetAwaiter().GetResult();
            }

            return groups[group.Key] = (null, recorder);
        }
    }

    /// <summary>
    /// Ends the parent: FINISHED when every trial of the whole sweep (all shards) now has a FINISHED run;
    /// otherwise (the rest belongs to other shards, or this attempt was interrupted) left RUNNING while another
    /// process's heartbeat on it is fresh, else KILLED with <see cref="IncompleteTag"/> <c>true</c>.
    /// Attaches <paramref name="artifacts"/> (the experiment file, a report) to it.
    /// </summary>
    /// <returns>True when the whole sweep is complete.</returns>
    public async Task<bool> CompleteAsync(bool interrupted, IEnumerable<(string LocalFile, string ArtifactPath)> artifacts, CancellationToken cancellation = default)
    {
        if (ParentRunId is null)
        {
            return false;
        }

        // Complete when every trial has a final run, FINISHED or FAILED (a failed trial is a result the report counts;
        // a rerun runs it again): known from the start and from this process, else (other shards may have ended the
        // rest) read from the store.
        bool complete;
        lock (outcomesHere)
        {
            complete = !interrupted && AllTrials().All(t => Finished.Contains(t.Identity) ||
                (outcomesHere.TryGetValue(t.Identity, out var outcome) && outcome.Status is TrialStatus.Finished or TrialStatus.Diverged or TrialStatus.Failed));
        }

        if (!complete && Reachable && !interrupted)
        {
            var runs = await session.Store.SearchRunsAsync(Experiment.ExperimentId, RunFilter.All, cancellation).ConfigureAwait(false);
            var ended = runs.Where(r => r.Info.Status is RunStatus.Finished or RunStatus.Failed).Select(r => r.Tag(RunKeys.Tags.TrialHash)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            complete = AllTrials().All(t => ended.Contains(t.Identity));
        }

        if (heartbeat is not null && Reachable)
        {
            await heartbeat.EndAsync(cancellation).ConfigureAwait(false);
        }

        var status = complete ? RunStatus.Finished
            : Reachable && await (heartbeat ?? new ParentHeartbeat(session.Store, ParentRunId)).OtherAliveAsync(cancellation).ConfigureAwait(false) ? RunStatus.Running
            : RunStatus.Killed;
        var tags = new List<RunTag>();

        if (status == RunStatus.Killed || (complete && Reachable && (await session.Store.GetRunAsync(ParentRunId, cancellation).ConfigureAwait(false)).Tag(IncompleteTag) == "true"))
        {
            // Nobody runs and trials are left: the parent says so until a rerun completes the sweep.
            tags.Add(new RunTag(IncompleteTag, complete ? "false" : "true"));
        }

        if (tags.Count > 0 && Reachable)
        {
            await session.Store.LogBatchAsync(ParentRunId, new LogBatch([], [], tags), cancellation).ConfigureAwait(false);
        }

        await EndGroupsAsync(status, cancellation).ConfigureAwait(false);
        var summary = await SummaryAsync(cancellation).ConfigureAwait(false);
        if (parentRecorder is not null)
        {
            foreach (var metric in summary)
            {
                parentRecorder.LogMetric(metric.Key, metric.Value, metric.Step);
            }

            if (status == RunStatus.Running)
            {
                // Leave the parent running for the other shards; its records are flushed.
                await parentRecorder.FinishAsync(RunStatus.Running, artifacts).ConfigureAwait(false);
            }
            else
            {
                await parentRecorder.FinishAsync(status, artifacts).ConfigureAwait(false);
            }

            return complete;
        }

        if (adoptedStatus == status)
        {
            // An attempt that found nothing to do leaves a parent that already says so alone.
            return complete;
        }

        var parent = await session.Store.GetRunAsync(ParentRunId, cancellation).ConfigureAwait(false);
        if (summary.Count > 0)
        {
            await session.Store.LogBatchAsync(ParentRunId, new LogBatch(summary, [], []), cancellation).ConfigureAwait(false);
        }

        foreach (var (file, path) in artifacts)
        {
            await session.Store.LogArtifactAsync(parent.Info, file, path, cancellation).ConfigureAwait(false);
        }

        if (status != RunStatus.Running)
        {
            // Running: another process is still at work and ends the parent; writing RUNNING here could land after its end.
            await session.Store.UpdateRunAsync(ParentRunId, status, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), cancellation).ConfigureAwait(false);
        }

        return complete;
    }

    /// <summary>The plan's trials and those added since.</summary>
    private IEnumerable<SweepTrial> AllTrials()
    {
        lock (added)
        {
            return plan.Trials.Concat(added.ToArray());
        }
    }

    /// <summary>Gives the group runs this process made or adopted the parent's status (a RUNNING parent leaves them as they are).</summary>
    private async Task EndGroupsAsync(RunStatus status, CancellationToken cancellation)
    {
        (string? RunId, RunRecorder? Recorder)[] mine;
        lock (groups)
        {
            mine = groups.Values.ToArray();
        }

        foreach (var (runId, recorder) in mine)
        {
            if (recorder is not null)
            {
                await recorder.FinishAsync(status).ConfigureAwait(false);
            }
            else if (status != RunStatus.Running && Reachable)
            {
                await session.Store.UpdateRunAsync(runId!, status, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), cancellation).ConfigureAwait(false);
            }
        }
    }

    private static HashSet<string> FinishedIn(IEnumerable<Run> runs) =>
        runs.Where(r => r.Info.Status == RunStatus.Finished && r.Tag(RunKeys.Tags.Kind) != RunKeys.Tags.GroupKind)
            .Select(r => r.Tag(RunKeys.Tags.TrialHash))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>True when this sweep's parent was already FINISHED before this process and it ran nothing: the report and the parent's records stay as they are.</summary>
    public bool AlreadyComplete => parentRecorder is null && heartbeat is null && adoptedStatus == RunStatus.Finished;

    /// <summary>Starts this process's heartbeat on the parent (once; only where the store can be reached).</summary>
    private async Task StartHeartbeatAsync(CancellationToken cancellation)
    {
        if (!Reachable || ParentRunId is null || heartbeat is not null)
        {
            return;
        }

        heartbeat = new ParentHeartbeat(session.Store, ParentRunId);
        await heartbeat.StartAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>The parent's summary metrics over every child of the sweep (all shards), read from the store; none when it cannot be reached.</summary>
    private async Task<IReadOnlyList<Metric>> SummaryAsync(CancellationToken cancellation)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        lock (outcomesHere)
        {
            if (plan.Trials.All(t => outcomesHere.ContainsKey(t.Identity)))
            {
                return SweepRunLayout.Summary(outcomesHere.Values, now);
            }
        }

        if (!Reachable)
        {
            return [];
        }

        try
        {
            var runs = await session.Store.SearchRunsAsync(Experiment.ExperimentId, RunFilter.Tag(RunKeys.Tags.Sweep, plan.Identity), cancellation).ConfigureAwait(false);
            return SweepRunLayout.Summary(runs.Where(r => SweepRunLayout.IsChildOf(r, plan.Identity)), now);
        }
        catch (TrackingException)
        {
            // The summary is a convenience: a store that stopped answering costs it, not the sweep's end.
            return [];
        }
    }

    private IEnumerable<Run> Parents(IEnumerable<Run> runs) =>
        runs.Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.SweepKind && r.Tag(RunKeys.Tags.Sweep) == plan.Identity && r.Tag(RunKeys.Tags.DuplicateOf) is null)
            .OrderBy(r => r.Info.StartTime)
            .ThenBy(r => r.RunId, StringComparer.Ordinal);

    private List<RunTag> ParentTags() =>
    [
        new(RunKeys.Tags.Sweep, plan.Identity),
        new(RunKeys.Tags.Kind, RunKeys.Tags.SweepKind),
        new(RunKeys.Tags.SweepName, plan.File.Name),
        new(RunKeys.Tags.SweepFile, plan.File.Path),
        new(RunKeys.Tags.TrialCount, plan.Trials.Count.ToString(CultureInfo.InvariantCulture)),
        new(MlflowTags.Note, string.IsNullOrWhiteSpace(plan.File.Description) ? $"Sweep {plan.File.Name}" : plan.File.Description.Trim()),
    ];
}
