using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Runs.Trials;

namespace Descent.Reports.Reading;

/// <summary>One trial's run as the report uses it: what it was (params), how it ended, and what it recorded.</summary>
/// <param name="RunId">The MLflow run id.</param>
/// <param name="RunName">Its name (<c>trial-0007</c> in a sweep).</param>
/// <param name="Configuration">The optimizer configuration its seeds share (<c>descent.configuration</c>, else made from its params).</param>
/// <param name="TrialIndex">Its index in the sweep, when it belongs to one.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Params">Every param, as logged.</param>
/// <param name="FinalLoss">The <c>final_loss</c> metric, when logged.</param>
/// <param name="SecondsPerEpoch">The <c>seconds_per_epoch</c> metric (data trials).</param>
/// <param name="WallSeconds">The <c>wall_seconds</c> metric.</param>
/// <param name="Error">The <c>descent.error</c> tag of a failed run.</param>
/// <param name="StartTime">Milliseconds since the Unix epoch.</param>
/// <param name="EndTime">Milliseconds since the Unix epoch, when ended.</param>
/// <param name="Loss">The loss history (empty for runs that did not finish).</param>
/// <param name="Trajectory">The iterates of a 1-D or 2-D objective (<c>trajectory/*</c>), one point per step; empty otherwise.</param>
public sealed record ReportRun(
    string RunId,
    string RunName,
    string Configuration,
    int? TrialIndex,
    TrialOutcome Outcome,
    IReadOnlyDictionary<string, string> Params,
    double? FinalLoss,
    double? SecondsPerEpoch,
    double? WallSeconds,
    string? Error,
    long StartTime,
    long? EndTime,
    LossHistory Loss,
    TrajectoryHistory Trajectory)
{
    /// <summary>The <c>valid/accuracy</c> history (classification trials); empty otherwise.</summary>
    public MetricHistory ValidAccuracy { get; init; } = MetricHistory.Empty;

    /// <summary>The <c>test/accuracy</c> history (classification trials); empty otherwise.</summary>
    public MetricHistory TestAccuracy { get; init; } = MetricHistory.Empty;

    /// <summary>Where the run first reached its target (<c>time_to_target/*</c> metrics); null when it has none or did not reach it.</summary>
    public TimeToTarget? TimeToTarget { get; init; }

    /// <summary>The run's target, from its params (<c>target.metric</c>, ...); null for none.</summary>
    public TrialTarget? Target => TrialRunLayout.ReadTarget(Params);

    /// <summary>True when the run recorded an accuracy (valid or test).</summary>
    public bool HasAccuracy => ValidAccuracy.Count > 0 || TestAccuracy.Count > 0;

    /// <summary>The optimizer's plugin id.</summary>
    public string Optimizer => TrialRunLayout.ReadOptimizer(Params) ?? "?";

    /// <summary>The objective's plugin id.</summary>
    public string Objective => TrialRunLayout.ReadObjective(Params) ?? "?";

    /// <summary>The dataset's plugin id, for data trials.</summary>
    public string? Dataset => TrialRunLayout.ReadDataset(Params);

    /// <summary>True for a trial that trains on data (loss against epochs).</summary>
    public bool UsesData => Dataset is not null;

    /// <summary>The seed (0 when not logged).</summary>
    public long Seed => TrialRunLayout.ReadSeed(Params);

    /// <summary>The learning rate <c>lr</c>, when the optimizer has one.</summary>
    public double? LearningRate => TrialRunLayout.ReadNumber(Params, "lr");

    /// <summary>The trial as its params record it (objective and dataset settings, training settings, dtype).</summary>
    public TrialSpec Spec => TrialRunLayout.ReadSpec(Params);

    /// <summary>True when its numbers enter the statistics: finished, with a finite final loss.</summary>
    public bool Counts => Outcome == TrialOutcome.Finished && FinalLoss is { } loss && double.IsFinite(loss);
}
