using System.Globalization;

namespace Descent.Reports.Writing;

/// <summary>What a report does not count, line by line: runs that did not finish, trials without a run, pictures not drawn.</summary>
public static class ReportLeftOut
{
    /// <summary>Trials without a finished run listed by name, at most.</summary>
    public const int MissingListed = 20;

    /// <summary>The lines, most important first.</summary>
    public static IReadOnlyList<string> Lines(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var runs = report.Runs;
        var lines = new List<string>();
        if (runs.SweepId is null)
        {
            lines.Add($"The experiment '{runs.Experiment.Name}' holds no complete sweep: every trial run in it is included, grouped by configuration.");
        }

        if (runs.Missing.Count > 0)
        {
            string listed = string.Join("; ", runs.Missing.Take(MissingListed));
            string more = runs.Missing.Count > MissingListed ? $"; and {runs.Missing.Count - MissingListed} more" : "";
            lines.Add($"{runs.Missing.Count} trials of the sweep have no finished run (the sweep may still be running): {listed}{more}.");
        }
        else if (runs.PlannedTrials is { } planned && planned > runs.FinishedTrials)
        {
            lines.Add($"{planned - runs.FinishedTrials} trials of the sweep have no finished run (the sweep may still be running).");
        }

        foreach (var run in report.LeftOut)
        {
            lines.Add($"{run.RunName} ({run.Configuration}, seed {run.Seed.ToString(CultureInfo.InvariantCulture)}, run {run.RunId}): {SweepReport.Reason(run)}");
        }

        lines.AddRange(report.Notes);
        return lines;
    }
}
