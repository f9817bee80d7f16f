using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;
using Microsoft.Extensions.Logging;

namespace Descent.Tracking.Recording;

/// <summary>
/// Where a <see cref="RunRecorder"/>'s records go: the tracking store while it takes them, the local spool
/// from the moment it cannot (unreachable past its retry budget, or given up on after a kill) and for
/// records it refuses. Creates the run (and, when needed, its spooled copy with every param and tag logged
/// so far), delivers batches, artifacts and the end status, and keeps the warnings.
/// </summary>
internal sealed class RunDelivery(
    StoreTarget primary,
    StoreTarget? spool,
    RunRecorder? parent,
    Func<string, string?, RunCreation> creation,
    Func<(Param[] Params, RunTag[] Tags)> known,
    ILogger logger,
    ServerOutage? outage = null,
    Action? spooled = null) : IDisposable
{
    // A server found down by any run of the session (or the first contact) is given up on by every run at once.
    private readonly CancellationTokenSource abandonPrimary = outage is null ? new() : CancellationTokenSource.CreateLinkedTokenSource(outage.Token);
    private readonly TaskCompletionSource<(RunInfo? Primary, RunInfo? Spool)> created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> warnings = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private RunInfo? primaryRun;
    private RunInfo? spoolRun;
    private volatile bool spoolMode;
    private bool primaryDead;
    private bool refusalWarned;
    private long lost;

    /// <summary>Where the run was created (tracking store, spool, or both), once known.</summary>
    public Task<(RunInfo? Primary, RunInfo? Spool)> Created => created.Task;

    /// <summary>Stop waiting for the tracking store after <paramref name="timeout"/>; what is left goes to the spool.</summary>
    public void AbandonPrimaryAfter(TimeSpan timeout) => abandonPrimary.CancelAfter(timeout);

    public void Dispose()
    {
        abandonPrimary.Dispose();
        gate.Dispose();
    }

    /// <summary>Sends a batch (one operation at a time: batches, artifacts and the end status may come from two threads).</summary>
    public Task DeliverAsync(LogBatch batch) => Serialized(() => DeliverAsyncCore(batch));

    /// <summary>Attaches a file to the run.</summary>
    public Task LogArtifactAsync(string file, string path) => Serialized(() => LogArtifactAsyncCore(file, path));

    /// <summary>Sets the end status.</summary>
    public Task EndAsync(RunStatus status, long endTime) => Serialized(() => EndAsyncCore(status, endTime));

    /// <summary>Creates the run in the tracking store, or in the spool when that fails; <see cref="Created"/> completes either way.</summary>
    public async Task CreateAsync()
    {
        try
        {
            await CreateAsyncCore().ConfigureAwait(false);
        }
        finally
        {
            created.TrySetResult((primaryRun, spoolRun));
        }
    }

    private async Task CreateAsyncCore()
    {
        RunInfo? parentPrimary = null;
        RunInfo? parentSpool = null;
        if (parent is not null)
        {
            (parentPrimary, parentSpool) = await parent.Created.ConfigureAwait(false);
        }

        if (outage is not null && (parent is null || parentPrimary is not null) && !outage.ShouldTry())
        {
            // The server is known to be down (one warning said so): straight to the spool, at full speed.
            spoolMode = true;
            await EnsureSpoolRunAsync(null).ConfigureAwait(false);
        }
        else if (parent is null || parentPrimary is not null)
        {
            try
            {
                string experimentId = parentPrimary?.ExperimentId ?? (await primary.ExperimentAsync(abandonPrimary.Token).ConfigureAwait(false)).ExperimentId;
                primaryRun = await primary.Store.CreateRunAsync(creation(experimentId, parentPrimary?.RunId), abandonPrimary.Token).ConfigureAwait(false);
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
    }

    private async Task DeliverAsyncCore(LogBatch batch)
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

        if (outage is not null && spool is not null && (reason is TrackingUnavailableException || outage.IsDown))
        {
            // A server that does not answer: the session warns once, whatever the number of runs.
            outage.ReportDown(reason is TrackingUnavailableException { InnerException: { } inner } ? MlflowRetryPipelineText(inner) : "gave up waiting");
            spoolMode = true;
            lock (warnings)
            {
                warnings.Add($"tracking server {primary.Location} is unreachable; this run's records are kept in {SpoolRoot()}");
            }

            await EnsureSpoolRunAsync(null).ConfigureAwait(false);
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
            if (parentRunId is null && parent is not null && parent.Created.IsCompletedSuccessfully)
            {
                var (p, s) = parent.Created.Result;
                parentRunId = p?.RunId ?? s?.RunId;
            }

            spoolRun = await spool.Store.CreateRunAsync(creation(experiment.ExperimentId, parentRunId)).ConfigureAwait(false);
            spooled?.Invoke();
            var (knownParams, knownTags) = known();
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

    private async Task LogArtifactAsyncCore(string file, string path)
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

    private async Task EndAsyncCore(RunStatus status, long endTime)
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

    public RunOutcome Outcome()
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

    private static string MlflowRetryPipelineText(Exception e) => TrackingUri.Scrub(Rest.MlflowRetryPipeline.Describe(e));

    private string SpoolRoot() => spool?.Store is FileTrackingStore files ? files.Root : spool?.Location ?? "";

    private void Warn(string message)
    {
        lock (warnings)
        {
            warnings.Add(message);
        }

        logger.LogWarning("{Message}", message);
    }

    private async Task Serialized(Func<Task> operation)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await operation().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
