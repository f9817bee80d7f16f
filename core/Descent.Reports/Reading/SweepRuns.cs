using Descent.Tracking.Model;

namespace Descent.Reports.Reading;

/// <summary>What the store holds for a report: the experiment, the sweep (when there is one) and its trial runs.</summary>
/// <param name="Experiment">The MLflow experiment.</param>
/// <param name="Location">Where the store is (a path or a URI, without credentials).</param>
/// <param name="SweepId">The sweep's identity; null when the report covers every trial run of the experiment.</param>
/// <param name="SweepName">The experiment file's <c>name:</c>.</param>
/// <param name="SweepFile">The experiment file's path, as the sweep was given it.</param>
/// <param name="Description">The file's description.</param>
/// <param name="ParentRunId">The sweep's parent run, when found.</param>
/// <param name="PlannedTrials">How many trials the sweep has; null when unknown.</param>
/// <param name="Runs">One run per trial (the finished one when a trial ran more than once), in sweep order.</param>
/// <param name="Missing">Trials of the sweep without a finished run, by name (known when read from the file).</param>
public sealed record SweepRuns(
    Experiment Experiment,
    string Location,
    string? SweepId,
    string? SweepName,
    string? SweepFile,
    string? Description,
    string? ParentRunId,
    int? PlannedTrials,
    IReadOnlyList<ReportRun> Runs,
    IReadOnlyList<string> Missing)
{
    /// <summary>Runs that trained to the end (finished or diverged): MLflow's FINISHED.</summary>
    public int FinishedTrials => Runs.Count(r => r.Outcome is TrialOutcome.Finished or TrialOutcome.Diverged);

    /// <summary>Runs with a final status: finished, diverged or failed (a failed trial is counted, not waited for).</summary>
    public int EndedTrials => Runs.Count(r => r.Outcome is TrialOutcome.Finished or TrialOutcome.Diverged or TrialOutcome.Failed);

    /// <summary>True when every trial of the sweep has a run with a final status (<see cref="EndedTrials"/>).</summary>
    public bool Complete => PlannedTrials is { } planned && EndedTrials >= planned;
}
