namespace Descent.Plotting;

/// <summary>One optimizer in a final-loss-against-learning-rate picture.</summary>
/// <param name="Label">Legend text (the optimizer).</param>
/// <param name="Runs">Each finished run: its learning rate and final loss.</param>
/// <param name="Diverged">Learning rates of the runs that diverged (drawn on a line above the others).</param>
public sealed record LearningRateSeries(string Label, IReadOnlyList<(double LearningRate, double FinalLoss)> Runs, IReadOnlyList<double> Diverged);
