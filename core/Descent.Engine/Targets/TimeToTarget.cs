namespace Descent.Engine.Targets;

/// <summary>
/// Where a trial first reached its <see cref="TrialTarget"/>: the evaluation's optimizer steps, training samples seen and
/// training seconds (<see cref="Trials.Evaluation.TrainSeconds"/>: the training clock, evaluation and set-up excluded).
/// </summary>
/// <param name="Steps">Optimizer steps taken when the evaluation was made.</param>
/// <param name="Samples">Training samples seen.</param>
/// <param name="Seconds">Training seconds so far.</param>
public sealed record TimeToTarget(long Steps, long Samples, double Seconds);
