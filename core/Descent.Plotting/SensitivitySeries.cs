namespace Descent.Plotting;

/// <summary>One optimizer in a learning-rate sensitivity picture: each tuning trial's learning rate and best validation metric.</summary>
/// <param name="Label">Legend text (the optimizer).</param>
/// <param name="Points">Each trial: its learning rate (positive) and its best validation metric (not finite when it diverged).</param>
public sealed record SensitivitySeries(string Label, IReadOnlyList<(double LearningRate, double Value)> Points);
