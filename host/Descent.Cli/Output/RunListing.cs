using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Tracking;
using Descent.Tracking.Model;

namespace Descent.Cli.Output;

/// <summary>One run as <c>descent runs --json</c> lists it.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="ExperimentId">Its experiment.</param>
/// <param name="RunName">Its name.</param>
/// <param name="Status">MLflow's status: RUNNING, FINISHED, FAILED or KILLED.</param>
/// <param name="Outcome">Descent's: finished, diverged, failed or killed (null for runs Descent did not make).</param>
/// <param name="StartTime">Milliseconds since the Unix epoch.</param>
/// <param name="EndTime">Milliseconds since the Unix epoch, when ended.</param>
/// <param name="Optimizer">The optimizer's id.</param>
/// <param name="Objective">The objective's id.</param>
/// <param name="Dataset">The dataset's id, for data trials.</param>
/// <param name="Hyperparameters">The optimizer's hyperparameters as logged.</param>
/// <param name="FinalLoss">The final loss, when logged.</param>
/// <param name="TrialHash">The trial's identity.</param>
public sealed record RunListing(
    string RunId,
    string ExperimentId,
    string RunName,
    string Status,
    string? Outcome,
    long StartTime,
    long? EndTime,
    string? Optimizer,
    string? Objective,
    string? Dataset,
    IReadOnlyDictionary<string, string> Hyperparameters,
    double? FinalLoss,
    string? TrialHash)
{
    /// <summary>The listing of a run.</summary>
    public static RunListing From(Run run) => new(
        run.RunId,
        run.Info.ExperimentId,
        run.Info.RunName,
        RunStatusNames.ToName(run.Info.Status),
        run.Tag(RunKeys.Tags.Status),
        run.Info.StartTime,
        run.Info.EndTime,
        TrialRunLayout.ReadOptimizer(run.Params),
        TrialRunLayout.ReadObjective(run.Params),
        TrialRunLayout.ReadDataset(run.Params),
        TrialRunLayout.ReadHyperparameters(run.Params).ToDictionary(StringComparer.Ordinal),
        run.LatestMetrics.TryGetValue(RunKeys.Metrics.FinalLoss, out var loss) ? loss.Value : null,
        run.Tag(RunKeys.Tags.TrialHash));

}
