using Microsoft.Extensions.Logging;

namespace Descent.Tracking.Recording;

/// <summary>
/// A session's memory of a tracking server that does not answer. Once the server is found down (a short first
/// contact, or a request that meets a connection failure and a quick probe that confirms it), runs still waiting
/// for it give up at once (<see cref="Token"/>) and later runs go straight to the spool; one warning says so.
/// While it is down, a cheap probe every <see cref="ProbeInterval"/> (started by the next run) looks again, and
/// when the server answers, new runs go to it again.
/// </summary>
internal sealed class ServerOutage(Func<TimeSpan, Task<string?>> probe, string location, string spoolRoot, ILogger logger, TimeProvider time)
{
    /// <summary>How long the first contact and each probe wait for an answer.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How often a server found down is looked at again.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(30);

    private readonly object gate = new();
    private CancellationTokenSource down = new();
    private DateTimeOffset lastProbe;
    private int probing;
    private bool warned;

    /// <summary>True while the server is known to be down.</summary>
    public bool IsDown
    {
        get
        {
            lock (gate)
            {
                return down.IsCancellationRequested;
            }
        }
    }

    /// <summary>Cancelled when the server is found down (runs waiting for it then spool what they hold).</summary>
    public CancellationToken Token
    {
        get
        {
            lock (gate)
            {
                return down.Token;
            }
        }
    }

    /// <summary>Probes the server once, briefly; false (and the outage recorded) when it does not answer.</summary>
    public async Task<bool> FirstContactAsync()
    {
        string? failure = await probe(ProbeTimeout).ConfigureAwait(false);
        if (failure is null)
        {
            return true;
        }

        ReportDown(failure);
        return false;
    }

    /// <summary>
    /// Whether a new run should try the server: yes unless it is known down; while it is down, a probe starts in
    /// the background when the last is older than <see cref="ProbeInterval"/> (the run itself goes to the spool).
    /// </summary>
    public bool ShouldTry()
    {
        lock (gate)
        {
            if (!down.IsCancellationRequested)
            {
                return true;
            }

            if (time.GetUtcNow() - lastProbe < ProbeInterval || Interlocked.Exchange(ref probing, 1) == 1)
            {
                return false;
            }

            lastProbe = time.GetUtcNow();
        }

        _ = Task.Run(async () =>
        {
            try
            {
                if (await probe(ProbeTimeout).ConfigureAwait(false) is null)
                {
                    lock (gate)
                    {
                        down = new CancellationTokenSource();
                    }

                    logger.LogWarning("tracking server {Location} answers again; new runs go to it (runs kept in the spool {Spool} wait for 'descent sync')", location, spoolRoot);
                }
            }
            finally
            {
                Volatile.Write(ref probing, 0);
            }
        });
        return false;
    }

    /// <summary>A request met a connection failure: a quick probe decides, so that runs stop waiting within seconds rather than a retry cycle.</summary>
    public void Suspect()
    {
        if (IsDown || Interlocked.Exchange(ref probing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                if (await probe(ProbeTimeout).ConfigureAwait(false) is { } failure)
                {
                    ReportDown(failure);
                }
            }
            finally
            {
                Volatile.Write(ref probing, 0);
            }
        });
    }

    /// <summary>Records the outage; the first time, one warning names the server, the spool and the sync command.</summary>
    public void ReportDown(string reason)
    {
        CancellationTokenSource toCancel;
        bool warn;
        lock (gate)
        {
            lastProbe = time.GetUtcNow();
            toCancel = down;
            warn = !warned;
            warned = true;
        }

        if (warn)
        {
            logger.LogWarning(
                "tracking server {Location} is unreachable ({Reason}); recording to the spool {Spool}; run 'descent sync --to {Location} --from {Spool}' later",
                location, reason, spoolRoot, location, spoolRoot);
        }

        toCancel.Cancel();
    }
}
