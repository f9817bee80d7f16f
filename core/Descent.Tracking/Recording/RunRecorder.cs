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
/// later replays the spool into the server, matching runs by that tag (<see cref="RunDelivery"/>).
/// </remarks>
public sealed class RunRecorder : IAsyncDisposable
{
    private readonly RunStart start;
    private readonly RecorderOptions options;
    private readonly TimeProvider time;
    private readonly RecordQueue queue;
    private readonly RunDelivery delivery;
    private readonly CancellationTokenSource finishing = new();
    private readonly object gate = new();
    private readonly Dictionary<string, string> parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> tags = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> metricKeys = new(StringComparer.Ordinal);
    private readonly Task worker;
    private readonly List<Task> uploads = [];
    private int state;

    internal RunRecorder(StoreTarget primary, StoreTarget? spool, RunStart start, RecorderOptions options, ILogger logger, TimeProvider time, ServerOutage? outage = null, Action? spooled = null)
    {
        this.start = start;
        this.options = options;
        this.time = time;
        Origin = start.Origin ?? Guid.NewGuid().ToString("N");
        StartTime = Now();
        queue = new RecordQueue(options.QueueCapacity, options.SpillDirectory ?? Path.GetTempPath());
        foreach (var tag in start.Tags ?? [])
        {
            tags[tag.Key] = tag.Value;
        }

        delivery = new RunDelivery(primary, spool, start.Parent, Creation, Known, logger, outage, spooled);
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

    /// <summary>
    /// Attaches a file to the run as <paramref name="artifactPath"/>, in the background as soon as the run
    /// exists (<see cref="FinishAsync"/> waits for it); <paramref name="deleteAfter"/> removes the local file then.
    /// </summary>
    public void LogArtifact(string localFile, string artifactPath, bool deleteAfter = false)
    {
        FileStore.ArtifactPaths.Check(artifactPath);
        if (Volatile.Read(ref state) != 0)
        {
            throw new InvalidOperationException("the run is finishing; pass the file to FinishAsync");
        }

        var upload = Task.Run(async () =>
        {
            await delivery.Created.ConfigureAwait(false);
            try
            {
                await delivery.LogArtifactAsync(localFile, artifactPath).ConfigureAwait(false);
            }
            finally
            {
                if (deleteAfter)
                {
                    File.Delete(localFile);
                }
            }
        });
        lock (gate)
        {
            uploads.Add(upload);
        }
    }

    /// <summary>The run's id once it exists: in the tracking store, or in the spool when the store could not be reached.</summary>
    public async Task<string> RunIdAsync()
    {
        var (p, s) = await delivery.Created.ConfigureAwait(false);
        return p?.RunId ?? s?.RunId ?? throw new TrackingException("the run could be created neither in the tracking store nor in the spool");
    }

    /// <summary>Where the run was created (tracking store, spool, or both), once known.</summary>
    internal Task<(RunInfo? Primary, RunInfo? Spool)> Created => delivery.Created;

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
            delivery.AbandonPrimaryAfter(t);
        }

        finishing.Cancel();
        queue.Complete();
        await worker.ConfigureAwait(false);
        Task[] early;
        lock (gate)
        {
            early = uploads.ToArray();
        }

        await Task.WhenAll(early).ConfigureAwait(false);
        foreach (var (file, path) in artifacts ?? [])
        {
            await delivery.LogArtifactAsync(file, path).ConfigureAwait(false);
        }

        await delivery.EndAsync(status, Now()).ConfigureAwait(false);
        queue.Dispose();
        return delivery.Outcome();
    }

    /// <summary>Ends an unfinished run as killed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref state) == 0)
        {
            await FinishAsync(RunStatus.Killed).ConfigureAwait(false);
        }

        delivery.Dispose();
        finishing.Dispose();
    }

    private async Task WorkAsync()
    {
        await delivery.CreateAsync().ConfigureAwait(false);
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
                await delivery.DeliverAsync(builder.Build()).ConfigureAwait(false);
            }
        }
    }

    private static bool Add(LogBatchBuilder builder, Record record) => record.Kind switch
    {
        RecordKind.Metric => builder.TryAdd(record.AsMetric()),
        RecordKind.Param => builder.TryAdd(record.AsParam()),
        _ => builder.TryAdd(record.AsTag()),
    };

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

    /// <summary>Every param and tag logged so far (a spooled copy of the run starts with them).</summary>
    private (Param[] Params, RunTag[] Tags) Known()
    {
        lock (gate)
        {
            return (parameters.Select(p => new Param(p.Key, p.Value)).ToArray(), tags.Select(t => new RunTag(t.Key, t.Value)).ToArray());
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Key(string key) => MlflowKeys.IsValid(key) ? key : MlflowKeys.Sanitize(key);

    private string MetricKey(string key) => metricKeys.TryGetValue(key, out string? valid) ? valid : metricKeys.GetOrAdd(key, Key);
}
