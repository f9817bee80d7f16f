namespace Descent.Benchmarks.Scores;

/// <summary>One point of a budget curve: the expected best value after <paramref name="Trials"/> tuning trials and its bootstrap band.</summary>
/// <param name="Trials">The tuning budget k.</param>
/// <param name="Expected">The expected best value after k trials (<see cref="ExpectedBest"/>).</param>
/// <param name="Lower">The band's lower percentile.</param>
/// <param name="Upper">The band's upper percentile.</param>
public readonly record struct BudgetPoint(int Trials, double Expected, double Lower, double Upper);
