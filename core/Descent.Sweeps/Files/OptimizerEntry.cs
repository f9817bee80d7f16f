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
    SourceLocation Location);
