using System.Diagnostics;
using Descent.Engine.Trials;

namespace Descent.Cli.Sweeps;

/// <summary>Counts a sweep's progress (thread-safe) and estimates the time left.</summary>
internal sealed class SweepCounter
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int running;
    private int done;
    private int failed;

    public int Total { get; private set; }

    public int Skipped { get; private set; }

    public int Running => Volatile.Read(ref running);

    public int Done => Volatile.Read(ref done);

    public int Failed => Volatile.Read(ref failed);

    public void Plan(int toRun, int skipped)
    {
        Total = toRun;
        Skipped = skipped;
    }

    public void Started() => Interlocked.Increment(ref running);

    public void Completed(TrialResult result)
    {
        Interlocked.Decrement(ref running);
        Interlocked.Increment(ref done);
        if (result.Status == TrialStatus.Failed)
        {
            Interlocked.Increment(ref failed);
        }
    }

    /// <summary>Seconds left at the pace so far, or null before the first trial ends.</summary>
    public double? SecondsLeft => Done == 0 ? null : clock.Elapsed.TotalSeconds / Done * (Total - Done);

    public string Eta => SecondsLeft is { } s ? TimeSpan.FromSeconds(Math.Ceiling(s)).ToString(s >= 3600 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture) : "?";
}
