namespace Descent.Benchmarks.Scores;

/// <summary>
/// Comparisons of metric values under a <see cref="Goal"/>. NaN (a diverged run) is worse than every number,
/// so a diverged trial never wins a selection and ranks last.
/// </summary>
public static class GoalOrder
{
    /// <summary>Whether <paramref name="a"/> is strictly better than <paramref name="b"/>.</summary>
    public static bool IsBetter(this Goal goal, double a, double b)
    {
        if (double.IsNaN(a))
        {
            return false;
        }

        if (double.IsNaN(b))
        {
            return true;
        }

        return goal == Goal.Minimize ? a < b : a > b;
    }

    /// <summary>Orders values best first (a negative result when <paramref name="a"/> is better); NaN last.</summary>
    public static int Compare(this Goal goal, double a, double b) =>
        goal.IsBetter(a, b) ? -1 : goal.IsBetter(b, a) ? 1 : 0;

    /// <summary>The worst value a metric can take: +∞ when minimizing, −∞ when maximizing.</summary>
    public static double Worst(this Goal goal) => goal == Goal.Minimize ? double.PositiveInfinity : double.NegativeInfinity;

    /// <summary><paramref name="value"/>, with NaN (diverged) replaced by <see cref="Worst"/>.</summary>
    public static double NaNAsWorst(this Goal goal, double value) => double.IsNaN(value) ? goal.Worst() : value;
}
