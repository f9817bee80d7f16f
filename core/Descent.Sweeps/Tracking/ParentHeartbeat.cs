using System.Globalization;
using Descent.Runs;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Sweeps.Tracking;

/// <summary>
/// One process's heartbeat on a sweep's parent run: a tag of its own (<see cref="RunKeys.Tags.HeartbeatPrefix"/>
/// plus an id) holding the last beat in Unix milliseconds, renewed every <see cref="Interval"/> while the process
/// runs trials and set to <see cref="Ended"/> when it stops, so that the process ending last can tell whether
/// any other is still at work (a beat younger than <see cref="StaleAfter"/>).
/// </summary>
internal sealed class ParentHeartbeat(ITrackingStore store, string parentRunId)
{
    /// <summary>A heartbeat tag's value once its process has ended.</summary>
    public const string Ended = "ended";

    /// <summary>How often a running process renews its heartbeat.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>A heartbeat older than this means its process is gone (killed, or its node lost).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private readonly string tag = RunKeys.Tags.HeartbeatPrefix + Guid.NewGuid().ToString("N")[..12];
    private CancellationTokenSource? stop;
    private Task? renewing;

    /// <summary>Writes the first beat (so a process that dies before the next leaves a trace) and renews it until <see cref="EndAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellation)
    {
        await BeatAsync(cancellation).ConfigureAwait(false);
        stop = new CancellationTokenSource();
        var token = stop.Token;
        renewing = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Interval);
            try
            {
                while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
                {
                    await BeatAsync(token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The sweep ended here.
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Stops renewing and says <see cref="Ended"/>, before anyone reads the others' beats: of two processes
    /// ending at once, the later reader then sees the other's end, so at least one of them does not leave the
    /// parent RUNNING.
    /// </summary>
    public async Task EndAsync(CancellationToken cancellation)
    {
        if (stop is not null && renewing is not null)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            stop.Dispose();
            stop = null;
        }

        await store.LogBatchAsync(parentRunId, new LogBatch([], [], [new RunTag(tag, Ended)]), cancellation).ConfigureAwait(false);
    }

    /// <summary>True when another process's heartbeat on the parent is younger than <see cref="StaleAfter"/>.</summary>
    public async Task<bool> OtherAliveAsync(CancellationToken cancellation)
    {
        try
        {
            var parent = await store.GetRunAsync(parentRunId, cancellation).ConfigureAwait(false);
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            return parent.Tags.Any(t => t.Key.StartsWith(RunKeys.Tags.HeartbeatPrefix, StringComparison.Ordinal) && t.Key != tag &&
                long.TryParse(t.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long beat) && now - beat < StaleAfter.TotalMilliseconds);
        }
        catch (TrackingException)
        {
            // Cannot tell: leave the parent as the other shards would.
            return true;
        }
    }

    private async Task BeatAsync(CancellationToken cancellation)
    {
        try
        {
            var beat = new RunTag(tag, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            await store.LogBatchAsync(parentRunId, new LogBatch([], [], [beat]), cancellation).ConfigureAwait(false);
        }
        catch (TrackingException)
        {
            // A missed beat costs at most a parent read as stale early; never the sweep.
        }
    }
}
