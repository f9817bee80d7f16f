using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;
using Microsoft.Extensions.Logging;

namespace Descent.Tracking.Recording;

/// <summary>
/// Records one MLflow run without ever making its caller wait for the store. Params, tags and metric
/// points go into a bounded queue (<see cref="RecordQueue"/>); a background worker creates the run,
/// then sends the records in <c>log-batch</c> requests within MLflow's limits (<see cref="LogBatchBuilder"/>),
/// per metric in the order they were logged. <see cref="FinishAsync"/> sends what is left, the artifacts
/// and the end status.
/// </summary>
/// <remarks>
/// Nothing is lost when the tracking server cannot be reached past its retry budget (or refuses
/// records): from then on the run's records go to a local spool, an MLflow FileStore, as a run with the
/// same <c>descent.origin</c> tag and every param and tag, and the caller carries on. <c>descent sync</c>
/// later replays the spool into the server, matching runs by that tag.
/// </remarks>
public sealed class RunRecorder : IAsyncDisposable
{
    private readonly StoreTarget primary;
    private readonly StoreTarget? spool;
    private readonly RunStart start;
    private readonly RecorderOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly RecordQueue queue;
    private readonly CancellationTokenSource abandonPrimary = new();
    private readonly CancellationTokenSource finishing = new();
    private readonly TaskCompletionSource<(RunInfo? Primary, RunInfo? Spool)> created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object gate = new();
    private readonly Dictionary<string, string> parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> tags = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> metricKeys = new(StringComparer.Ordinal);
    private readonly List<string> warnings = [];
    private readonly Task worker;
    private RunInfo? primaryRun;
    private RunInfo? spoolRun;
    private volatile bool spoolMode;
    private bool primaryDead;
    private bool refusalWarned;
    private long lost;
    private int state;

    internal RunRecorder(StoreTarget primary, StoreTarget? spool, RunStart start, RecorderOptions options, ILogger logger, TimeProvider time)
    {
        this.primary = primary;
        this.spool = spool;
        this.start = start;
        this.options = options;
        this.logger = logger;
        this.time = time;
        Origin = start.Origin ?? Guid.NewGuid().ToString("N");
        StartTime = Now();
        queue = new RecordQueue(options.QueueCapacity, options.SpillDirectory ?? Path.GetTempPath());
        foreach (var tag in start.Tags ?? [])
        {
            tags[tag.Key] = tag.Value;
        }

        worker = Task.Run(WorkAsync);
    }

    /// <summary>The run's <c>descent.origin</c> id.</summary>
    public string Origin { get; }

    /// <summary>When the run started (ms since the Unix epoch).</summary>
    public long StartTime { get; }

    /// <summary>Records that overflowed the in-memory queue into the spill file.</summary>
    public long SpilledToDisk => queue.Spilled;

    /// <summary>Logs a param (immutable: the same key again must have the same value). The value is cut to MLflow's limit.</summary>
    /// <exception cref="InvalidOperationException">The key was logged with another value.</exception>
    public void LogParam(string key, string value)
    {
        var param = new Param(Key(key), MlflowKeys.ParamValue(value));
        lock (gate)
        {
            if (parameters.TryGetValue(param.Key, out string? logged))
            {
                if (logged != param.Value)
                {
                    throw new InvalidOperationException($"param '{param.Key}' was logged as '{logged}'; MLflow params cannot change (got '{param.Value}')");
                }

                return;
            }

            parameters[param.Key] = param.Value;
        }

        queue.Add(Record.Of(param));
    }

    /// <summary>Sets a tag (last write wins). The value is cut to MLflow's limit.</summary>
    public void SetTag(string key, string value)
    {
        var tag = new RunTag(Key(key), MlflowKeys.TagValue(value));
        lock (gate)
        {
            tags[tag.Key] = tag.Value;
        }

        queue.Add(Record.Of(tag));
    }

    /// <summary>Logs a metric point, timestamped now. Keys MLflow would refuse are made valid (<see cref="MlflowKeys.Sanitize"/>).</summary>
    public void LogMetric(string key, double value, long step) => queue.Add(Record.Of(new Metric(MetricKey(key), value, Now(), step)));

    /// <summary>The run's id once it exists: in the tracking store, or in the spool when the store could not be reached.</summary>
    public async Task<string> RunIdAsync()
    {
        var (p, s) = await created.Task.ConfigureAwait(false);
        return p?.RunId ?? s?.RunId ?? throw new TrackingException("the run could be created neither in the tracking store nor in the spool");
    }

    /// <summary>Where the run was created (tracking store, spool, or both), once known.</summary>
    internal Task<(RunInfo? Primary, RunInfo? Spool)> Created => created.Task;

    /// <summary>
    /// Sends every record still queued, then the artifacts, then ends the run with <paramref name="status"/>
    /// and the current time. Waits for the store within its retry budget; for a killed run, within
    /// <see cref="RecorderOptions.KilledFlush"/>, after which what is left goes to the spool.
    /// </summary>
    /// <param name="status">Finished, failed or killed.</param>
    /// <param name="artifacts">Local files and their paths in the run's artifacts.</param>
    /// <param name="storeTimeout">How long the tracking store may still take; null for its retry budget (or the killed-run default).</param>
    public async Task<RunOutcome> FinishAsync(RunStatus status, IEnumerable<(string LocalFile, string ArtifactPath)>? artifacts = null, TimeSpan? storeTimeout = null)
    {
        if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
        {
            throw new InvalidOperationException("the run was already finished");
        }

        var timeout = storeTimeout ?? (status == RunStatus.Killed ? options.KilledFlush : null);
        if (timeout is { } t)
        {
            abandonPrimary.CancelAfter(t);
        }

        finishing.Cancel();
        queue.Complete();
        await worker.ConfigureAwait(false);
        foreach (var (file, path) in artifacts ?? [])
        {
            await LogArtifactAsync(file, path).ConfigureAwait(false);
        }

        await EndAsync(status, Now()).ConfigureAwait(false);
        queue.Dispose();
        return Outcome();
    }

    /// <summary>Ends an unfinished run as killed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref state) == 0)
        {
            await FinishAsync(RunStatus.Killed).ConfigureAwait(false);
        }

        abandonPrimary.Dispose();
        finishing.Dispose();
    }

    private async Task WorkAsync()
    {
        await CreateAsync().ConfigureAwait(false);
        var builder = new LogBatchBuilder();
        Record? carried = null;
        while (carried is not null || await queue.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (carried is null && !finishing.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(options.Linger, finishing.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The run is finishing: send now.
                }
            }

            if (carried is { } first)
            {
                Add(builder, first);
                carried = null;
            }

            while (queue.TryRead(out var record))
            {
                if (!Add(builder, record))
                {
                    carried = record;
                    break;
                }
            }

            if (!builder.IsEmpty)
            {
                await DeliverAsync(builder.Build()).ConfigureAwait(false);
            }
        }
    }

    private static bool Add(LogBatchBuilder builder, Record record) => record.Kind switch
    {
        RecordKind.Metric => builder.TryAdd(record.AsMetric()),
        RecordKind.Param => builder.TryAdd(record.AsParam()),
        _ => builder.TryAdd(record.AsTag()),
    };

    private async Task CreateAsync()
    {
        RunInfo? parentPrimary = null;
        RunInfo? parentSpool = null;
        if (start.Parent is { } parent)
        {
            (parentPrimary, parentSpool) = await parent.Created.ConfigureAwait(false);
        }

        if (start.Parent is null || parentPrimary is not null)
        {
            try
            {
                string experimentId = parentPrimary?.ExperimentId ?? (await primary.ExperimentAsync(abandonPrimary.Token).ConfigureAwait(false)).ExperimentId;
                primaryRun = await primary.Store.CreateRunAsync(Creation(experimentId, parentPrimary?.RunId), abandonPrimary.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsStoreFailure(e))
            {
                await LeavePrimaryAsync(e).ConfigureAwait(false);
            }
        }
        else
        {
            // The parent lives only in the spool: so do its children.
            spoolMode = true;
            await EnsureSpoolRunAsync(parentSpool?.RunId).ConfigureAwait(false);
        }

        created.TrySetResult((primaryRun, spoolRun));
    }

    private RunCreation Creation(string experimentId, string? parentRunId)
    {
        lock (gate)
        {
            return new RunCreation(
                experimentId,
                start.RunName,
                StartTime,
                tags.TryGetValue(MlflowTags.User, out string? user) ? user : Environment.UserName,
                Origin,
                tags.Select(t => new RunTag(t.Key, t.Value)).ToArray(),
                parentRunId);
        }
    }

    private async Task DeliverAsync(LogBatch batch)
    {
        if (!spoolMode && !primaryDead && primaryRun is not null)
        {
            try
            {
                await primary.Store.LogBatchAsync(primaryRun.RunId, batch, abandonPrimary.Token).ConfigureAwait(false);
                return;
            }
            catch (MlflowApiException e)
            {
                if (!refusalWarned)
                {
                    refusalWarned = true;
                    Warn($"{primary.Location} refused records of run {primaryRun.RunId} ({e.Message}); {(spool is null ? "they are lost" : $"keeping them in the spool {SpoolRoot()}")}");
                }
            }
            catch (Exception e) when (IsStoreFailure(e))
            {
                await LeavePrimaryAsync(e).ConfigureAwait(false);
            }
        }

        await SpoolAsync(batch).ConfigureAwait(false);
    }

    private async Task SpoolAsync(LogBatch batch)
    {
        if (spool is null || !await EnsureSpoolRunAsync(null).ConfigureAwait(false))
        {
            Interlocked.Add(ref lost, batch.Count);
            return;
        }

        try
        {
            await spool.Store.LogBatchAsync(spoolRun!.RunId, batch).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException)
        {
            Interlocked.Add(ref lost, batch.Count);
            Warn($"could not keep {batch.Count} records in the spool {SpoolRoot()}: {e.Message}");
        }
    }

    /// <summary>From now on the run's records go to the spool (or, without one, are counted as lost).</summary>
    private async Task LeavePrimaryAsync(Exception reason)
    {
        if (spoolMode || primaryDead)
        {
            return;
        }

        string why = reason is OperationCanceledException
            ? $"tracking server {primary.Location} did not take the rest of the run in time"
            : TrackingUri.Scrub(reason.Message);
        if (spool is null)
        {
            primaryDead = true;
            Warn($"{why}; this run's further records are lost");
            return;
        }

        spoolMode = true;
        Warn($"{why}; keeping this run's records in {SpoolRoot()} (replay them with: descent sync --to {primary.Location} --from {SpoolRoot()})");
        await EnsureSpoolRunAsync(null).ConfigureAwait(false);
    }

    /// <summary>Creates the spooled copy of the run, with every param and tag logged so far; false when even that fails.</summary>
    private async Task<bool> EnsureSpoolRunAsync(string? parentSpoolRunId)
    {
        if (spoolRun is not null)
        {
            return true;
        }

        if (spool is null)
        {
            return false;
        }

        try
        {
            var experiment = await spool.ExperimentAsync(CancellationToken.None).ConfigureAwait(false);
            string? parentRunId = parentSpoolRunId;
            if (parentRunId is null && start.Parent is { } parent && parent.Created.IsCompletedSuccessfully)
            {
                var (p, s) = parent.Created.Result;
                parentRunId = p?.RunId ?? s?.RunId;
            }

            spoolRun = await spool.Store.CreateRunAsync(Creation(experiment.ExperimentId, parentRunId)).ConfigureAwait(false);
            Param[] knownParams;
            RunTag[] knownTags;
            lock (gate)
            {
                knownParams = parameters.Select(p => new Param(p.Key, p.Value)).ToArray();
                knownTags = tags.Select(t => new RunTag(t.Key, t.Value)).ToArray();
            }

            foreach (var batch in LogBatchBuilder.Split(knownParams, knownTags, []))
            {
                await spool.Store.LogBatchAsync(spoolRun.RunId, batch).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException)
        {
            Warn($"could not create the spooled run in {SpoolRoot()}: {e.Message}");
            return false;
        }
    }

    private async Task LogArtifactAsync(string file, string path)
    {
        if (!spoolMode && !primaryDead && primaryRun is not null)
        {
            try
            {
                await primary.Store.LogArtifactAsync(primaryRun, file, path, abandonPrimary.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is MlflowApiException or TrackingException and not TrackingUnavailableException)
            {
                Warn($"{primary.Location} did not take artifact '{path}' ({e.Message}); {(spool is null ? "it is lost" : $"keeping it in the spool {SpoolRoot()}")}");
            }
            catch (Exception e) when (IsStoreFailure(e))
            {
                await LeavePrimaryAsync(e).ConfigureAwait(false);
            }
        }

        if (spool is not null && await EnsureSpoolRunAsync(null).ConfigureAwait(false))
        {
            try
            {
                await spool.Store.LogArtifactAsync(spoolRun!, file, path).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrackingException)
            {
                Warn($"could not keep artifact '{path}' in the spool {SpoolRoot()}: {e.Message}");
            }
        }

        Interlocked.Increment(ref lost);
    }

    private async Task EndAsync(RunStatus status, long endTime)
    {
        if (!spoolMode && !primaryDead && primaryRun is not null)
        {
            try
            {
                await primary.Store.UpdateRunAsync(primaryRun.RunId, status, endTime, abandonPrimary.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsStoreFailure(e))
            {
                await LeavePrimaryAsync(e).ConfigureAwait(false);
            }
        }

        if (spoolRun is not null)
        {
            try
            {
                await spool!.Store.UpdateRunAsync(spoolRun.RunId, status, endTime).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException)
            {
                Warn($"could not end the spooled run {spoolRun.RunId}: {e.Message}");
            }
        }
    }

    private RunOutcome Outcome()
    {
        string? spoolDirectory = spoolRun is not null && spool?.Store is FileTrackingStore files ? files.RunDirectory(spoolRun.RunId) : null;
        var run = primaryRun ?? spoolRun;
        return new RunOutcome(
            run?.RunId ?? "",
            run?.ExperimentId ?? "",
            primaryRun is not null ? primary.Location : spool?.Location ?? primary.Location,
            spoolDirectory,
            spoolDirectory is null ? null : SpoolRoot(),
            Interlocked.Read(ref lost),
            warnings.ToArray());
    }

    private bool IsStoreFailure(Exception e) =>
        e is TrackingException or IOException or UnauthorizedAccessException
        || (e is OperationCanceledException && abandonPrimary.IsCancellationRequested);

    private string SpoolRoot() => spool?.Store is FileTrackingStore files ? files.Root : spool?.Location ?? "";

    private void Warn(string message)
    {
        lock (warnings)
        {
            warnings.Add(message);
        }

        logger.LogWarning("{Message}", message);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Key(string key) => MlflowKeys.IsValid(key) ? key : MlflowKeys.Sanitize(key);

    private string MetricKey(string key) => metricKeys.TryGetValue(key, out string? valid) ? valid : metricKeys.GetOrAdd(key, Key);
}
