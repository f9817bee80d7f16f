using Descent.Tracking;

namespace Descent.Reports.Writing;

/// <summary>The facts at the top of a report (both writers print the same): what, where, when.</summary>
public static class ReportHeader
{
    /// <summary>Term and value pairs: experiment, sweep, file, parent run, trials, when it ran, tracking location, when the report was made.</summary>
    public static IReadOnlyList<(string Term, string Value)> Items(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var runs = report.Runs;
        var items = new List<(string, string)> { ("Experiment", $"{runs.Experiment.Name} (id {runs.Experiment.ExperimentId})") };
        items.Add(("Sweep", runs.SweepId ?? "none: every trial run of the experiment"));
        if (runs.SweepFile is { } file)
        {
            items.Add(("Experiment file", file));
        }

        if (runs.ParentRunId is { } parent)
        {
            items.Add(("Parent run", parent));
        }

        items.Add(("Trials", report.TrialSummary()));
        if (runs.Runs.Count > 0)
        {
            long start = runs.Runs.Min(r => r.StartTime);
            long? end = runs.Runs.Max(r => r.EndTime);
            items.Add(("Ran", end is { } e ? $"{ReportNumbers.Time(start)} to {ReportNumbers.Time(e)}" : $"from {ReportNumbers.Time(start)}"));
        }

        items.Add(("Tracking", TrackingUri.Scrub(runs.Location)));
        items.Add(("Report made", ReportNumbers.Time(report.Generated)));
        return items;
    }

    /// <summary>A warning when the sweep has trials without a finished run (still to run, or failed); null when every trial finished.</summary>
    public static string? Incomplete(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var runs = report.Runs;
        if (runs.PlannedTrials is not { } planned || runs.FinishedTrials >= planned)
        {
            return null;
        }

        if (runs.Complete)
        {
            // Every trial ended; some failed (their runs carry the cause in descent.error): the sweep is complete, not waiting.
            return $"{planned - runs.FinishedTrials} of {planned} trials failed; the numbers below cover the {runs.FinishedTrials} finished runs. " +
                   "A failed run's descent.error says why; running the sweep again runs the failed trials again.";
        }

        return $"Incomplete: {runs.FinishedTrials} of {planned} trials have finished runs. The sweep may still be running, or some trials failed; " +
               "the numbers below cover the finished runs only. Make the report again when the sweep is complete.";
    }
}
