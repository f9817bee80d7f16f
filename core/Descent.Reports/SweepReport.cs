using Descent.Reports.Pictures;
using Descent.Reports.Reading;
using Descent.Reports.Statistics;

namespace Descent.Reports;

/// <summary>Everything a report shows: the runs read back, their groups and statistics, the pictures, and what was left out.</summary>
/// <param name="Runs">What the store holds for the sweep.</param>
/// <param name="Groups">The runs by objective, dataset and training settings, then by configuration.</param>
/// <param name="Pictures">The PNG files written.</param>
/// <param name="Notes">Pictures that could not be drawn, and why.</param>
/// <param name="Generated">When the report was made.</param>
public sealed record SweepReport(
    SweepRuns Runs,
    IReadOnlyList<RunGroup> Groups,
    IReadOnlyList<ReportPicture> Pictures,
    IReadOnlyList<string> Notes,
    DateTimeOffset Generated)
{
    /// <summary>How the report counts, in one paragraph (both writers print it).</summary>
    public const string HowToRead =
        "Final loss: mean and sample standard deviation (n - 1) over the seeds that finished, with the best (lowest) and worst. " +
        "Diverged runs (loss NaN or infinite) are counted under 'diverged' and kept out of the loss numbers, the timings and the curves; " +
        "failed and killed runs likewise under 'failed'. 'runs' reads '3 of 5' when only 3 of 5 seeds count. " +
        "The lowest mean of each group is in bold.";

    /// <summary>Runs whose numbers do not count: diverged, failed, killed or still running, in sweep order.</summary>
    public IReadOnlyList<ReportRun> LeftOut => Runs.Runs.Where(r => !r.Counts).ToArray();

    /// <summary>The pictures of one group, in the order written.</summary>
    public IEnumerable<ReportPicture> PicturesOf(RunGroup group, PictureKind kind) =>
        Pictures.Where(p => p.Group == group.Number && p.Kind == kind);

    /// <summary>A one-line account of the trials: how many the sweep has, how many finished, diverged, failed.</summary>
    public string TrialSummary()
    {
        var runs = Runs.Runs;
        int finished = runs.Count(r => r.Outcome == TrialOutcome.Finished);
        int diverged = runs.Count(r => r.Outcome == TrialOutcome.Diverged);
        int failed = runs.Count(r => r.Outcome is TrialOutcome.Failed or TrialOutcome.Killed);
        int running = runs.Count(r => r.Outcome == TrialOutcome.Running);
        string of = Runs.PlannedTrials is { } planned ? $"{planned} trials in the sweep: " : $"{runs.Count} trial runs: ";
        return of + $"{finished} finished, {diverged} diverged, {failed} failed or killed" +
               (running > 0 ? $", {running} running" : "") +
               (Runs.PlannedTrials is { } p && p > Runs.FinishedTrials ? $"; {p - Runs.FinishedTrials} without a finished run" : "");
    }

    /// <summary>Why a left-out run is left out, in a few words.</summary>
    public static string Reason(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Outcome switch
        {
            TrialOutcome.Diverged => "diverged",
            TrialOutcome.Failed => run.Error is { Length: > 0 } error ? $"failed: {error}" : "failed",
            TrialOutcome.Killed => "killed",
            TrialOutcome.Running => "still running",
            _ => "finished without a finite final loss",
        };
    }
}
