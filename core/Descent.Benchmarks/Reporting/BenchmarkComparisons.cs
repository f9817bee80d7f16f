using Descent.Benchmarks.Scores;

namespace Descent.Benchmarks.Reporting;

/// <summary>
/// The report's comparisons, from a benchmark's scores: ranks per workload and overall, each optimizer against the
/// baseline seed by seed, and each optimizer's learning-rate sensitivity.
/// </summary>
public static class BenchmarkComparisons
{
    /// <summary>Bootstrap resamples of a paired comparison.</summary>
    public const int PairedResamples = 10_000;

    /// <summary>
    /// The fewest paired reruns whose comparison the report calls resolved: a percentile bootstrap over fewer pairs
    /// understates the spread (over 2 pairs its interval is just their range), so it is shown but not trusted.
    /// </summary>
    public const int MinimumPairs = 5;

    /// <summary>
    /// Ranks on each workload where at least one optimizer has complete studies: by median steps to target, ties
    /// and misses by median best validation (<see cref="RankTable"/>); null when no workload has any.
    /// </summary>
    public static RankTable? Ranks(BenchmarkScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var workloads = new List<WorkloadResults>();
        foreach (var workload in scores.Plan.File.Workloads)
        {
            var goal = BenchmarkScoring.ToTarget(workload.Target).Goal;
            var results = scores.Cells
                .Where(c => c.Cell.Workload.Name == workload.Name && c.Studies is not null)
                .Select(c => new OptimizerResult(c.Cell.OptimizerName, c.Studies!.StepsToTarget.Median, c.Studies.BestValidation.Median))
                .ToArray();
            if (results.Length > 0)
            {
                workloads.Add(new WorkloadResults(workload.Name, goal, results));
            }
        }

        return workloads.Count == 0 ? null : RankTable.Of(workloads);
    }

    /// <summary>The baseline: the file's <c>protocol.baseline</c>, else its first optimizer.</summary>
    public static string Baseline(BenchmarkScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Plan.File.Protocol.Baseline ?? scores.Optimizers[0];
    }

    /// <summary>
    /// Every other optimizer against the baseline on <paramref name="workload"/>: the reruns' best validation values,
    /// paired by study and rerun seed (so both trained with the same seed, each with its own study's best configuration).
    /// </summary>
    public static IReadOnlyList<BaselineComparison> AgainstBaseline(BenchmarkScores scores, string workload)
    {
        ArgumentNullException.ThrowIfNull(scores);
        string baseline = Baseline(scores);
        var cells = scores.Cells.Where(c => c.Cell.Workload.Name == workload).ToArray();
        var reference = cells.FirstOrDefault(c => c.Cell.OptimizerName == baseline);
        if (reference is null)
        {
            return [];
        }

        var goal = BenchmarkScoring.ToTarget(reference.Cell.Workload.Target).Goal;
        var seeds = scores.Plan.File.Protocol.RerunSeeds;
        var baselineValues = Values(reference, goal, seeds);
        var comparisons = new List<BaselineComparison>();
        foreach (var cell in cells.Where(c => c != reference))
        {
            string name = cell.Cell.OptimizerName;
            try
            {
                var result = PairedComparison.Of(Values(cell, goal, seeds), baselineValues, PairedResamples, candidateName: name, baselineName: baseline);
                comparisons.Add(new BaselineComparison(workload, name, baseline, result, null));
            }
            catch (ArgumentException e)
            {
                comparisons.Add(new BaselineComparison(workload, name, baseline, null, e.Message));
            }
        }

        return comparisons;
    }

    /// <summary>The learning-rate sensitivity of a cell's tuning trials; null without a finite trial with a learning rate.</summary>
    public static LearningRateSensitivity? Sensitivity(CellScore cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (!cell.Sensitivity.Any(p => double.IsFinite(p.Value)))
        {
            return null;
        }

        var goal = BenchmarkScoring.ToTarget(cell.Cell.Workload.Target).Goal;
        return LearningRateSensitivity.Of(cell.Sensitivity.Select(p => new SensitivityTrial(p.LearningRate, p.Value)).ToArray(), goal);
    }

    /// <summary>A cell's reruns keyed by (study, rerun seed) as one number, diverged runs as the goal's worst value.</summary>
    private static Dictionary<long, double> Values(CellScore cell, Goal goal, IReadOnlyList<long> seeds) =>
        cell.Reruns
            .Where(r => seeds.Contains(r.Seed))
            .GroupBy(r => ((long)r.Study * seeds.Count) + IndexOf(seeds, r.Seed))
            .ToDictionary(g => g.Key, g => goal.NaNAsWorst(g.First().BestValidation));

    private static int IndexOf(IReadOnlyList<long> seeds, long seed)
    {
        for (int i = 0; i < seeds.Count; i++)
        {
            if (seeds[i] == seed)
            {
                return i;
            }
        }

        return -1;
    }
}
