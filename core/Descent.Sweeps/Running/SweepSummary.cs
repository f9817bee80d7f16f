using Descent.Engine.Trials;

namespace Descent.Sweeps.Running;

/// <summary>What a sweep (or this shard of it) did: counts, ids and time. <c>--json</c> prints it.</summary>
public sealed record SweepSummary(
    string Name,
    string SweepId,
    int Total,
    int InShard,
    int Ran,
    int Skipped,
    int Finished,
    int Diverged,
    int Failed,
    int Killed,
    string Shard,
    int Parallel,
    string? ExperimentId,
    string? ParentRunId,
    bool Complete,
    double WallSeconds)
{
    /// <summary>Trials run per second of wall time.</summary>
    public double TrialsPerSecond => WallSeconds > 0 ? Ran / WallSeconds : 0;

    /// <summary>The counts of <paramref name="outcomes"/>.</summary>
    public static (int Finished, int Diverged, int Failed, int Killed) Count(IEnumerable<SweepTrialOutcome> outcomes)
    {
        var list = outcomes.ToArray();
        return (list.Count(o => o.Result.Status == TrialStatus.Finished),
                list.Count(o => o.Result.Status == TrialStatus.Diverged),
                list.Count(o => o.Result.Status == TrialStatus.Failed),
                list.Count(o => o.Result.Status == TrialStatus.Killed));
    }
}
