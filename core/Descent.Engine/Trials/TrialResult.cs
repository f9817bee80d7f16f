namespace Descent.Engine.Trials;

/// <summary>What a trial produced.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="FinalLoss">The last recorded loss.</param>
/// <param name="FinalParams">All parameter values at the end, flattened; empty for a model of more than <see cref="ParameterValues.KeptMax"/> values (see <see cref="FinalParamsSha256"/>).</param>
/// <param name="ParameterNames">The parameters' names and element counts, in order.</param>
/// <param name="History">The recorded points, in order.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Samples">Training samples seen.</param>
/// <param name="EpochSeconds">Wall time of each completed epoch (data objectives).</param>
/// <param name="WallSeconds">Wall time of the training loop.</param>
/// <param name="Error">For <see cref="TrialStatus.Failed"/>: what went wrong.</param>
public sealed record TrialResult(
    TrialStatus Status,
    double FinalLoss,
    IReadOnlyList<double> FinalParams,
    IReadOnlyList<(string Name, long Elements)> ParameterNames,
    IReadOnlyList<HistoryPoint> History,
    long Steps,
    long Samples,
    IReadOnlyList<double> EpochSeconds,
    double WallSeconds,
    string? Error)
{
    /// <summary>The dataset's shape and provenance (file, SHA-256), for data trials.</summary>
    public Contracts.DatasetInfo? Dataset { get; init; }

    /// <summary>The SHA-256 of all final parameter values (<see cref="ParameterValues.Sha256"/>), kept or not; null when the trial made none.</summary>
    public string? FinalParamsSha256 { get; init; }

    /// <summary>How many parameter values the objective has (the sum of <see cref="ParameterNames"/>' element counts).</summary>
    public long ParameterCount => ParameterNames.Sum(p => p.Elements);

    /// <summary>Evaluations of the splits on the schedule, in order (objectives with metrics on datasets with splits).</summary>
    public IReadOnlyList<Evaluation> Evaluations { get; init; } = [];

    /// <summary>Seconds spent evaluating; not part of <see cref="EpochSeconds"/> or <see cref="WallSeconds"/>.</summary>
    public double EvaluationSeconds { get; init; }

    /// <summary>Where the trial first reached its target (<see cref="Targets.TimeToTarget"/>); null without a target or when not reached.</summary>
    public Targets.TimeToTarget? TimeToTarget { get; init; }

    /// <summary>True when the trial ended at its target (<see cref="Targets.TrialTarget.Stop"/>) before its last epoch ended; its status is <see cref="TrialStatus.Finished"/>.</summary>
    public bool StoppedAtTarget { get; init; }

    /// <summary>The last evaluation of <paramref name="split"/>, or null.</summary>
    public Evaluation? LastEvaluation(string split) => Evaluations.LastOrDefault(e => e.Split == split);

    /// <summary>Mean seconds per completed epoch; null when no epoch completed.</summary>
    public double? SecondsPerEpoch => EpochSeconds.Count == 0 ? null : EpochSeconds.Average();
}
