namespace Descent.Engine.Targets;

/// <summary>Which way a <see cref="TrialTarget"/> is reached.</summary>
public enum TargetMode
{
    /// <summary>Reached when the metric is at least the value (accuracies).</summary>
    Max,

    /// <summary>Reached when the metric is at most the value (losses).</summary>
    Min,
}
