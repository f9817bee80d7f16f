namespace Descent.Tracking.Recording;

/// <summary>How a <see cref="RunRecorder"/> queues and batches.</summary>
/// <param name="QueueCapacity">Records held in memory before further ones spill to a temporary file (default 100 000, a few MB).</param>
/// <param name="BatchLinger">
/// After the first record of a batch arrives, wait this long for more before sending (default 100 ms):
/// fewer, fuller requests. Ignored while the run finishes.
/// </param>
/// <param name="KilledFlushTimeout">When a run ends as killed (Ctrl-C), how long the server may take to accept what is left before the rest goes to the spool (default 10 s).</param>
/// <param name="SpillDirectory">Where the overflow file goes; null for the system's temporary directory.</param>
public sealed record RecorderOptions(
    int QueueCapacity = 100_000,
    TimeSpan? BatchLinger = null,
    TimeSpan? KilledFlushTimeout = null,
    string? SpillDirectory = null)
{
    /// <summary>The defaults.</summary>
    public static RecorderOptions Default { get; } = new();

    /// <summary><see cref="BatchLinger"/> or its default.</summary>
    public TimeSpan Linger => BatchLinger ?? TimeSpan.FromMilliseconds(100);

    /// <summary><see cref="KilledFlushTimeout"/> or its default.</summary>
    public TimeSpan KilledFlush => KilledFlushTimeout ?? TimeSpan.FromSeconds(10);
}
