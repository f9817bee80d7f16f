namespace Descent.Plotting;

/// <summary>One optimizer in a tuning-budget picture: the expected best validation metric after k trials, k = 1..n.</summary>
/// <param name="Label">Legend text (the optimizer).</param>
/// <param name="Expected">Expected best metric after k = index + 1 trials.</param>
/// <param name="Lower">Lower edge of its band (e.g. expected minus one standard deviation), same length.</param>
/// <param name="Upper">Upper edge of its band, same length.</param>
public sealed record BudgetSeries(string Label, IReadOnlyList<double> Expected, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);
