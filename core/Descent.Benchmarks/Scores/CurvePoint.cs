namespace Descent.Benchmarks.Scores;

/// <summary>One evaluation of a trial's selection metric (e.g. the validation loss).</summary>
/// <param name="Step">The optimizer step at which it was evaluated (0 before the first step).</param>
/// <param name="Seconds">Training seconds elapsed at that step.</param>
/// <param name="Value">The metric's value; NaN when the trial diverged.</param>
public readonly record struct CurvePoint(long Step, double Seconds, double Value);
