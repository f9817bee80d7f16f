using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Reading;

namespace Descent.Benchmarks.Running;

/// <summary>
/// A study's best configuration: the tuning trial whose selection metric (the workload's validation target metric,
/// never its test metric) reached the best value; ties go to the earlier trial. Known only once every tuning trial
/// of the study has a final run.
/// </summary>
public static class StudySelection
{
    /// <summary>The best trial, or null when some trial has no final run yet or none reached a finite value.</summary>
    /// <param name="study">The study's tuning trials.</param>
    /// <param name="curves">Curves by trial identity (the trials with a final run).</param>
    /// <param name="complete">False when some trial of the study has no final run yet.</param>
    public static BenchmarkTrial? Best(IReadOnlyList<BenchmarkTrial> study, IReadOnlyDictionary<string, RunCurve> curves, out bool complete)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(curves);
        complete = study.All(t => curves.ContainsKey(t.Sweep.Identity));
        if (!complete)
        {
            return null;
        }

        BenchmarkTrial? best = null;
        double bestValue = double.NaN;
        foreach (var trial in study.OrderBy(t => t.Number))
        {
            double value = curves[trial.Sweep.Identity].Best(trial.Cell.Workload.Target);
            if (trial.Cell.Workload.Target.IsBetter(value, bestValue))
            {
                best = trial;
                bestValue = value;
            }
        }

        return best;
    }

    /// <summary>The tuning trials grouped by cell and study, in plan order.</summary>
    public static IEnumerable<IReadOnlyList<BenchmarkTrial>> Studies(BenchmarkPlan plan) =>
        plan.Tuning.GroupBy(t => (t.Cell, t.Study)).Select(g => (IReadOnlyList<BenchmarkTrial>)g.ToArray());
}
