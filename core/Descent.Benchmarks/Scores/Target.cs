namespace Descent.Benchmarks.Scores;

/// <summary>
/// A workload's target on its selection metric: reached by a value ≤ <see cref="Value"/> when minimizing,
/// ≥ when maximizing (AlgoPerf's rule, scoring/performance_profile.py: <c>operator.le</c> / <c>operator.ge</c>).
/// </summary>
public sealed record Target
{
    /// <summary>A target; the value must be a finite number.</summary>
    public Target(Goal goal, double value)
    {
        if (!Enum.IsDefined(goal))
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal, $"Invalid goal {goal}: use Goal.Minimize or Goal.Maximize.");
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Invalid target value {value}: a target must be a finite number.");
        }

        Goal = goal;
        Value = value;
    }

    /// <summary>Which way the metric improves.</summary>
    public Goal Goal { get; }

    /// <summary>The value to reach.</summary>
    public double Value { get; }

    /// <summary>Whether <paramref name="value"/> reaches the target; NaN never does.</summary>
    public bool IsReachedBy(double value) => Goal == Goal.Minimize ? value <= Value : value >= Value;
}
