using System.Globalization;

namespace Descent.Sweeps.Workers;

/// <summary>
/// The most resident memory a worker process may reach (<c>--worker-memory</c>): the coordinator reads each worker's
/// peak resident set (Linux: <c>VmHWM</c>) while a trial runs and when it ends, and kills a worker that went over it;
/// the trial ends FAILED with the peak it reached. Workers also ask the kernel to pick them first when memory runs
/// out (<see cref="WorkerOomScore"/>), so the out-of-memory killer takes a worker, never the coordinator.
/// </summary>
/// <param name="Bytes">The limit, in bytes.</param>
public sealed record WorkerMemoryLimit(long Bytes)
{
    /// <summary>The smallest limit accepted: a worker with the runtime and libtorch loaded needs more than this to start.</summary>
    public const long SmallestBytes = 64L << 20;

    /// <summary>How to write a limit, for messages.</summary>
    public const string Syntax = "give a size with a unit, such as 512M, 4G or 1.5G (K, M, G, T: powers of 1024), of at least 64M";

    /// <summary>How often a running trial's worker is checked.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads a size such as <c>512M</c>, <c>4G</c>, <c>1.5GiB</c> or <c>800MB</c> (units are powers of 1024).</summary>
    public static bool TryParse(string? text, out WorkerMemoryLimit? limit)
    {
        limit = null;
        if (text is null)
        {
            return false;
        }

        string trimmed = text.Trim().ToUpperInvariant();
        foreach (string suffix in new[] { "IB", "B" })
        {
            if (trimmed.Length > suffix.Length && trimmed.EndsWith(suffix, StringComparison.Ordinal) && char.IsLetter(trimmed[^(suffix.Length + 1)]))
            {
                trimmed = trimmed[..^suffix.Length];
                break;
            }
        }

        if (trimmed.Length < 2)
        {
            return false;
        }

        int shift = trimmed[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => -1 };
        if (shift < 0 || !double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            return false;
        }

        double bytes = value * Math.Pow(2, shift);
        if (bytes < SmallestBytes || bytes > long.MaxValue / 2)
        {
            return false;
        }

        limit = new WorkerMemoryLimit((long)bytes);
        return true;
    }

    /// <summary>The limit as it reads in messages (MiB).</summary>
    public override string ToString() => Mebibytes(Bytes);

    /// <summary>The failure of a trial whose worker reached <paramref name="peakBytes"/>.</summary>
    public string Message(long peakBytes) =>
        $"its worker's resident memory reached {Mebibytes(peakBytes)}, over --worker-memory {this}; the worker was killed";

    /// <summary>The failure when a worker went over the limit before its trial began (start-up alone needs more).</summary>
    public string StartupMessage(long peakBytes) =>
        $"a worker needed {Mebibytes(peakBytes)} of resident memory to start, over --worker-memory {this}; raise the limit";

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,0", CultureInfo.InvariantCulture) + " MiB";
}
