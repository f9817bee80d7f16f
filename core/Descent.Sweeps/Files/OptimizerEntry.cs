using Descent.Sweeps.Workers;

namespace Descent.Sweeps.Files;

/// <summary>
/// One entry of the <c>optimizers</c> list: an optimizer, the space of its hyperparameters, and optional
/// overrides of the experiment's objective, dataset and training settings for this entry's trials.
/// </summary>
public sealed record OptimizerEntry(
    string Id,
    string? Label,
    IReadOnlyDictionary<string, ValueSpace> Hyperparameters,
    ComponentSection? Objective,
    ComponentSection? Dataset,
    TrainingSection? Training,
    SourceLocation Location)
{
    /// <summary>
    /// True when part of the entry could not be read (already reported): its trials lack those values, so they
    /// are checked against the plugins but not for repeats.
    /// </summary>
    public bool Incomplete { get; init; }

    /// <summary>The time limit of this entry's trials (<c>timeout:</c>), winning over the file's; null: the file's.</summary>
    public TrialTimeLimit? Timeout { get; init; }

    /// <summary>The target of this entry's trials (<c>target:</c>), winning over the file's; null: the file's.</summary>
    public Engine.Targets.TrialTarget? Target { get; init; }

    /// <summary>This entry's schedule, or its changes to the file's (a new id replaces it; args merge).</summary>
    public ComponentSection? Schedule { get; init; }
}
