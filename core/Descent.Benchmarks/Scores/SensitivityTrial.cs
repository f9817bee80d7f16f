namespace Descent.Benchmarks.Scores;

/// <summary>One trial of a learning-rate sweep, the input to <see cref="LearningRateSensitivity"/>.</summary>
/// <param name="LearningRate">The trial's learning rate (<c>lr</c>), a finite number &gt; 0.</param>
/// <param name="BestValidation">Its best validation value; NaN or ±∞ when it diverged.</param>
public sealed record SensitivityTrial(double LearningRate, double BestValidation);
