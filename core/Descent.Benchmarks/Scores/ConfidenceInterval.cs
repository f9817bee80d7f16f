namespace Descent.Benchmarks.Scores;

/// <summary>A confidence interval [<paramref name="Lower"/>, <paramref name="Upper"/>] with its coverage.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The nominal coverage, e.g. 0.95.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>Whether <paramref name="value"/> lies outside the closed interval.</summary>
    public bool Excludes(double value) => value < Lower || value > Upper;
}
