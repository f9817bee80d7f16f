using System.Text.Json.Serialization;
using Descent.Engine.Targets;
using Descent.Engine.Trials;

namespace Descent.Runs.Files;

/// <summary>
/// A trial and its result as <c>descent trial --json</c> prints it, and as every tracked run of a trial carries it
/// (<see cref="RunKeys.Artifacts.Result"/>), a sweep's children included.
/// </summary>
public sealed record TrialReport(
    string Status,
    string Optimizer,
    Dictionary<string, object?> Hyperparameters,
    string Objective,
    Dictionary<string, object?> ObjectiveArgs,
    string? Dataset,
    Dictionary<string, object?>? DatasetArgs,
    long Seed,
    string Dtype,
    string Device,
    int? Epochs,
    int? BatchSize,
    double FinalLoss,
    IReadOnlyList<double> FinalParams,
    IReadOnlyList<string> ParamNames,
    long Steps,
    long Samples,
    double? SecondsPerEpoch,
    double WallSeconds,
    string? Error,
    IReadOnlyList<HistoryEntry> History)
{
    /// <summary>The MLflow run that recorded the trial; null when not tracked.</summary>
    public string? RunId { get; init; }

    /// <summary>The MLflow experiment of <see cref="RunId"/>.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>How many parameter values the objective has (<see cref="FinalParams"/> lists them up to <see cref="ParameterValues.KeptMax"/>).</summary>
    public long ParameterCount { get; init; }

    /// <summary>The SHA-256 of all final parameter values as float64 little-endian bytes (equal for bitwise-equal runs); null when none.</summary>
    public string? FinalParamsSha256 { get; init; }

    /// <summary>The evaluations of the splits (classification objectives on datasets with splits); null otherwise.</summary>
    public IReadOnlyList<EvaluationEntry>? Evaluations { get; init; }

    /// <summary>The last evaluation of each split; null when nothing was evaluated.</summary>
    public FinalMetrics? Final { get; init; }

    /// <summary>Seconds spent evaluating (not part of <see cref="WallSeconds"/>); null when nothing was evaluated.</summary>
    public double? EvaluationSeconds { get; init; }

    /// <summary>The trial's target; null without one.</summary>
    public TargetEntry? Target { get; init; }

    /// <summary>
    /// Where the trial first reached its target, <c>{steps, samples, seconds}</c>; written as null when there is no target or
    /// it was not reached.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TimeToTarget? TimeToTarget { get; init; }

    /// <summary>For a trial with a target: whether it ended there before its last epoch (<c>stop: true</c>); null without a target.</summary>
    public bool? StoppedAtTarget { get; init; }

    /// <summary>The report of <paramref name="result"/>.</summary>
    public static TrialReport From(ResolvedTrial trial, TrialResult result) => new(
        result.Status.ToString().ToLowerInvariant(),
        trial.Optimizer.Id,
        TypedValues.Of(trial.Optimizer),
        trial.Objective.Id,
        TypedValues.Of(trial.Objective),
        trial.Dataset?.Id,
        trial.Dataset is null ? null : TypedValues.Of(trial.Dataset),
        trial.Seed,
        trial.DTypeName,
        trial.Device,
        trial.Training.Epochs,
        trial.Training.BatchSize,
        result.FinalLoss,
        result.FinalParams,
        TrialFiles.ParameterLabels(result),
        result.Steps,
        result.Samples,
        result.SecondsPerEpoch,
        result.WallSeconds,
        result.Error,
        result.History.Select(p => HistoryEntry.From(p, trial.UsesData)).ToArray())
    {
        ParameterCount = result.ParameterCount,
        FinalParamsSha256 = result.FinalParamsSha256,
        Evaluations = result.Evaluations.Count == 0 ? null : result.Evaluations.Select(EvaluationEntry.From).ToArray(),
        Final = FinalMetrics.From(result),
        EvaluationSeconds = result.Evaluations.Count == 0 ? null : result.EvaluationSeconds,
        Target = TargetEntry.From(trial.Target),
        TimeToTarget = result.TimeToTarget,
        StoppedAtTarget = trial.Target is null ? null : result.StoppedAtTarget,
    };
}
