using Descent.Benchmarks.Files;

namespace Descent.Benchmarks.Reading;

/// <summary>What the scores need of one trial's run: its selection metric over training, its training clock, its test metric.</summary>
/// <param name="Identity">The trial's identity hash.</param>
/// <param name="Ended">True when the trial ended with a result (finished or diverged); false for a failed run.</param>
/// <param name="Selection">The workload's target metric, in step order.</param>
/// <param name="TrainSeconds">Training seconds at each evaluation (<c>train_seconds</c>); empty for workloads without evaluations.</param>
/// <param name="Test">The test metric's last value, or null.</param>
/// <param name="WallSeconds">The trial's training wall time.</param>
public sealed record RunCurve(string Identity, bool Ended, IReadOnlyList<MetricPoint> Selection, IReadOnlyList<MetricPoint> TrainSeconds, double? Test, double WallSeconds)
{
    /// <summary>The best value the selection metric reached (NaN when it has none, or the trial failed).</summary>
    public double Best(MetricTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        double best = double.NaN;
        foreach (var point in Ended ? Selection : [])
        {
            if (target.IsBetter(point.Value, best))
            {
                best = point.Value;
            }
        }

        return best;
    }

    /// <summary>
    /// Training seconds at <paramref name="step"/>: the training clock recorded at that evaluation; for a workload
    /// without one, the wall time scaled by the step's share of the run (<paramref name="estimated"/> true).
    /// </summary>
    public double SecondsAt(long step, out bool estimated)
    {
        foreach (var point in TrainSeconds)
        {
            if (point.Step == step)
            {
                estimated = false;
                return point.Value;
            }
        }

        estimated = true;
        long last = Selection.Count == 0 ? 0 : Selection[^1].Step;
        return last <= 0 ? 0 : WallSeconds * step / last;
    }
}
