using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;
using Descent.Tracking.Rest;
using Descent.Tracking.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Descent.Tracking;

/// <summary>
/// Tracking for one process: the store (a FileStore or a server), the experiment, and for a server the
/// local spool that keeps records while it cannot be reached. Start a run with <see cref="StartRun"/>
/// (a parent run's children name it as their parent); what goes into a run is the caller's business.
/// </summary>
/// <example>
/// <code>
/// using var tracking = TrackingSession.Open(TrackingSettings.Resolve(uri, experiment));
/// var run = tracking.StartRun(new RunStart("my-run", tags));
/// run.LogParam("lr", "0.1");
/// run.LogMetric("loss", 0.25, step: 1);
/// var outcome = await run.FinishAsync(RunStatus.Finished);   // outcome.RunId, outcome.Spooled
/// </code>
/// </example>
public sealed class TrackingSession : IDisposable
{
    private readonly StoreTarget primary;
    private readonly StoreTarget? spool;
    private readonly RecorderOptions recorder;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly string sourceName;
    private readonly ServerOutage? outage;
    private int spooledRuns;

    /// <summary>A session over <paramref name="store"/>; <paramref name="spool"/> keeps records the store cannot take (null: none).</summary>
    public TrackingSession(
        ITrackingStore store,
        string experimentName,
        FileTrackingStore? spool = null,
        RecorderOptions? recorder = null,
        ILogger? logger = null,
        TimeProvider? time = null,
        string sourceName = "descent")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentName);
        primary = new StoreTarget(store, experimentName);
        this.spool = spool is null ? null : new StoreTarget(spool, experimentName);
        this.recorder = recorder ?? RecorderOptions.Default;
        this.logger = logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        this.sourceName = sourceName;
        if (store is RestTrackingStore rest && spool is not null)
        {
            outage = new ServerOutage(timeout => rest.ProbeAsync(experimentName, timeout), rest.Location, spool.Root, this.logger, this.time);
            rest.ConnectionTrouble = outage.Suspect;
        }
    }

    /// <summary>True while the tracking server is known not to answer: new runs go straight to the spool.</summary>
    public bool ServerDown => outage?.IsDown ?? false;

    /// <summary>Runs of this session kept (wholly or partly) in the spool: they wait for <c>descent sync</c>.</summary>
    public int SpooledRuns => Volatile.Read(ref spooledRuns);

    /// <summary>
    /// A short first contact with a server (a few seconds, no retries): false when it does not answer, after one
    /// warning naming the spool and the sync command; the session then records to the spool. True for a FileStore.
    /// </summary>
    public Task<bool> FirstContactAsync() => outage?.FirstContactAsync() ?? Task.FromResult(true);

    /// <summary>One cheap request to a server without retries and without recording anything: null when it answers within a few seconds, else why not.</summary>
    public Task<string?> ProbeAsync() =>
        Store is RestTrackingStore rest ? rest.ProbeAsync(ExperimentName, ServerOutage.ProbeTimeout) : Task.FromResult<string?>(null);

    /// <summary>What makes the runs (<c>mlflow.source.name</c>), e.g. <c>descent</c>.</summary>
    public string SourceName => sourceName;

    /// <summary>Where runs go.</summary>
    public ITrackingStore Store => primary.Store;

    /// <summary>The experiment's name.</summary>
    public string ExperimentName => primary.ExperimentName;

    /// <summary>The spool, for a server; null for a FileStore.</summary>
    public FileTrackingStore? Spool => spool?.Store as FileTrackingStore;

    /// <summary>Opens the store the settings name: a FileStore for a local URI, a REST store with a spool for a server.</summary>
    public static TrackingSession Open(TrackingSettings settings, ILogger? logger = null, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ITrackingStore store = settings.Uri.IsServer
            ? new RestTrackingStore(settings.Uri.ServerBase!, settings.Credentials, settings.Retry, logger, handler ?? settings.Tls.CreateHandler())
            : new FileTrackingStore(settings.Uri.LocalPath!, time);
        var spool = settings.Uri.IsServer ? new FileTrackingStore(settings.SpoolDirectory, time) : null;
        return new TrackingSession(store, settings.ExperimentName, spool, settings.Recorder, logger, time, settings.SourceName);
    }

    /// <summary>
    /// Starts looking up (or creating) the experiment in the background, so that the first run does not wait
    /// for it; for a server, this also opens the connection. Failures are left to the runs, which spool.
    /// </summary>
    public void Prepare() => _ = Task.Run(async () =>
    {
        try
        {
            if (!await FirstContactAsync().ConfigureAwait(false))
            {
                return;
            }

            await primary.ExperimentAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException)
        {
            // The first run meets the same problem and handles it (spool, warning).
        }
    });

    /// <summary>The experiment, created when missing.</summary>
    public Task<Experiment> ExperimentAsync(CancellationToken cancellation = default) => primary.ExperimentAsync(cancellation);

    /// <summary>Starts recording a run; it is created in the background.</summary>
    public RunRecorder StartRun(RunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new RunRecorder(primary, spool, start, recorder, logger, time, outage, () => Interlocked.Increment(ref spooledRuns));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        primary.Store.Dispose();
        spool?.Store.Dispose();
    }
}
