using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Benchmarks.Reading;
using Descent.Benchmarks.Running;
using Descent.Benchmarks.Scores;

namespace Descent.Benchmarks.Reporting;

/// <summary>
/// Computes a benchmark's scores from its runs' curves: per cell the studies' scores (a study counts once all its
/// tuning trials have final runs), the budget curve over all tuning trials, the reruns of each study's best
/// configuration and the learning-rate sensitivity; across workloads the performance profiles of the median time
/// to target, in steps and in training seconds.
/// </summary>
public static class BenchmarkScoring
{
    /// <summary>Bootstrap resamples of the budget curves' bands.</summary>
    public const int BudgetResamples = 1000;

    /// <summary>The scores; <paramref name="curves"/> by trial identity (tuning trials and reruns with a final run).</summary>
    public static BenchmarkScores Score(BenchmarkPlan plan, IReadOnlyDictionary<string, RunCurve> curves, double tauMax = 4.0)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(curves);
        int missing = 0;
        bool estimated = false;
        var cells = new List<CellScore>();
        foreach (var cell in plan.Cells)
        {
            var target = ToTarget(cell.Workload.Target);
            var studies = new List<IReadOnlyList<TrialCurve>>();
            var reruns = new List<RerunScore>();
            foreach (var study in StudySelection.Studies(plan).Where(s => s[0].Cell == cell))
            {
                var best = StudySelection.Best(study, curves, out bool complete);
                if (!complete)
                {
                    missing += study.Count(t => !curves.ContainsKey(t.Sweep.Identity));
                    continue;
                }

                studies.Add(study.Select(t => ToCurve(curves[t.Sweep.Identity], cell.Workload.Target, ref estimated)).ToArray());
                foreach (var rerun in best is null ? [] : plan.Reruns(best))
                {
                    if (!curves.TryGetValue(rerun.Sweep.Identity, out var run))
                    {
                        missing++;
                        continue;
                    }

                    var curve = ToCurve(run, cell.Workload.Target, ref estimated);
                    reruns.Add(new RerunScore(rerun.Study, rerun.Sweep.Trial.Seed, curve.BestSelectionValue, curve.TestMetric, TimeToTarget.Of(curve.Points, target).Steps));
                }
            }

            var tuning = studies.SelectMany(s => s).ToArray();
            cells.Add(new CellScore(cell, studies.Count == 0 ? null : StudiesSummary.Of(studies, target), Budget(tuning, target.Goal), reruns, Sensitivity(plan, cell, curves)));
        }

        return new BenchmarkScores(plan, cells, Profile(cells, s => s.StepsToTarget.Median, tauMax), Profile(cells, s => s.SecondsToTarget.Median, tauMax), missing, estimated);
    }

    /// <summary>The scores' target of a workload's.</summary>
    public static Target ToTarget(MetricTarget target) => new(target.Maximize ? Goal.Maximize : Goal.Minimize, target.Value);

    private static TrialCurve ToCurve(RunCurve run, MetricTarget target, ref bool estimated)
    {
        var points = new List<CurvePoint>(run.Selection.Count);
        foreach (var point in run.Ended ? run.Selection : [])
        {
            points.Add(new CurvePoint(point.Step, run.SecondsAt(point.Step, out bool guessed), point.Value));
            estimated |= guessed;
        }

        return new TrialCurve(points, run.Best(target), run.Test);
    }

    /// <summary>The budget curve of the trials' best values; diverged trials count as the worst finite value seen.</summary>
    private static BudgetCurve? Budget(IReadOnlyList<TrialCurve> trials, Goal goal)
    {
        var finite = trials.Select(t => t.BestSelectionValue).Where(double.IsFinite).ToArray();
        if (finite.Length < 2)
        {
            return null;
        }

        double worst = goal == Goal.Minimize ? finite.Max() : finite.Min();
        var values = trials.Select(t => double.IsFinite(t.BestSelectionValue) ? t.BestSelectionValue : worst).ToArray();
        return BudgetCurve.Of(values, goal, BudgetResamples);
    }

    private static IReadOnlyList<(double, double)> Sensitivity(BenchmarkPlan plan, BenchmarkCell cell, IReadOnlyDictionary<string, RunCurve> curves) =>
        plan.Tuning.Where(t => t.Cell == cell && curves.ContainsKey(t.Sweep.Identity))
            .Select(t => (Lr: LearningRate(t), Value: curves[t.Sweep.Identity].Best(cell.Workload.Target)))
            .Where(p => p.Lr is > 0)
            .Select(p => (p.Lr!.Value, p.Value))
            .OrderBy(p => p.Item1)
            .ToArray();

    private static double? LearningRate(BenchmarkTrial trial)
    {
        var spec = trial.Sweep.Trial.Spec;
        if (spec.SampledHyperparameters.TryGetValue("lr", out var sampled))
        {
            return Convert.ToDouble(sampled, System.Globalization.CultureInfo.InvariantCulture);
        }

        return spec.Hyperparameters.TryGetValue("lr", out var text) && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double lr) ? lr : null;
    }

    /// <summary>The profile over the workloads where every optimizer has a complete cell; null when there is none.</summary>
    private static PerformanceProfile? Profile(IReadOnlyList<CellScore> cells, Func<StudiesSummary, double> time, double tauMax)
    {
        var optimizers = cells.Select(c => c.Cell.OptimizerName).Distinct().ToArray();
        var times = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var workload in cells.GroupBy(c => c.Cell.Workload.Name))
        {
            if (workload.All(c => c.Studies is not null) && workload.Count() == optimizers.Length)
            {
                times[workload.Key] = workload.ToDictionary(c => c.Cell.OptimizerName, c => Math.Max(time(c.Studies!), double.Epsilon), StringComparer.Ordinal);
            }
        }

        return times.Count == 0 ? null : PerformanceProfile.Of(times, tauMax);
    }
}
