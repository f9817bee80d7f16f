namespace Descent.Benchmarks.Scores;

/// <summary>
/// When a trial first reached its target: the step and the training seconds of the first evaluation whose
/// value reaches it (AlgoPerf: <c>np.argmax(op(x, target))</c> over the eval curve, scoring/score_submissions.py).
/// A miss is +∞ in both, never NaN, so medians and performance-profile ratios treat it as "slower than any".
/// A diverged curve (a NaN value) misses unless it reached the target before its first NaN.
/// </summary>
/// <param name="Steps">The step of the first evaluation at the target; +∞ when missed.</param>
/// <param name="Seconds">The training seconds at that evaluation; +∞ when missed.</param>
public sealed record TimeToTarget(double Steps, double Seconds)
{
    /// <summary>A trial that never reached its target.</summary>
    public static TimeToTarget Miss { get; } = new(double.PositiveInfinity, double.PositiveInfinity);

    /// <summary>Whether the target was reached.</summary>
    public bool Reached => double.IsFinite(Steps);

    /// <summary>
    /// The time to <paramref name="target"/> of a curve in step order. An empty curve (a trial that failed before
    /// its first evaluation) misses.
    /// </summary>
    public static TimeToTarget Of(IReadOnlyList<CurvePoint> points, Target target)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(target);
        CheckCurve(points, nameof(points));
        foreach (var p in points)
        {
            if (double.IsNaN(p.Value))
            {
                return Miss;
            }

            if (target.IsReachedBy(p.Value))
            {
                return new TimeToTarget(p.Step, p.Seconds);
            }
        }

        return Miss;
    }

    /// <summary>Steps ≥ 0 and non-decreasing, seconds finite and ≥ 0.</summary>
    internal static void CheckCurve(IReadOnlyList<CurvePoint> points, string name)
    {
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (p.Step < 0)
            {
                throw new ArgumentException($"{name}[{i}].Step is {p.Step}: steps count from 0.", name);
            }

            if (!double.IsFinite(p.Seconds) || p.Seconds < 0)
            {
                throw new ArgumentException($"{name}[{i}].Seconds is {p.Seconds}: seconds must be a finite number ≥ 0.", name);
            }

            if (i > 0 && p.Step < points[i - 1].Step)
            {
                throw new ArgumentException($"{name}[{i}].Step is {p.Step}, before {name}[{i - 1}].Step = {points[i - 1].Step}: give the curve in step order.", name);
            }
        }
    }
}
