namespace Descent.Benchmarks.Scores;

/// <summary>
/// Ranks of optimizers per workload and over workloads, the ranking that Schmidt et al. 2021 ("Descending through a
/// crowded valley") and AlgoPerf's tables read alongside performance profiles. On each workload:
/// <list type="bullet">
/// <item>the faster to the target ranks better (<see cref="OptimizerResult.TimeToTarget"/> ascending; a miss, +∞, is slower than any time);</item>
/// <item>equal times, and in particular optimizers that all missed, are ordered by <see cref="OptimizerResult.BestValidation"/>
/// in the workload's <see cref="Goal"/> direction, NaN (diverged) last (<see cref="GoalOrder.Compare"/>);</item>
/// <item>optimizers equal in both share the average of the places they span, as <c>scipy.stats.rankdata(method='average')</c>:
/// two tied for first both get 1.5.</item>
/// </list>
/// Overall, each optimizer gets its mean rank over the workloads where it appears and its count of outright wins;
/// <see cref="Overall"/> is sorted by mean rank, then by name (ordinal).
/// </summary>
/// <param name="Workloads">The ranks on each workload, in the order given.</param>
/// <param name="Overall">One row per optimizer, best mean rank first.</param>
public sealed record RankTable(IReadOnlyList<WorkloadRanks> Workloads, IReadOnlyList<OverallRank> Overall)
{
    /// <summary>The ranks of the optimizers in <paramref name="workloads"/> (at least one, names distinct, each with at least one optimizer).</summary>
    public static RankTable Of(IReadOnlyList<WorkloadResults> workloads)
    {
        Check(workloads);
        var ranked = workloads.Select(w => new WorkloadRanks(w.Workload, Rank(w))).ToArray();

        var overall = ranked
            .SelectMany(w => w.Ranks)
            .GroupBy(r => r.Optimizer, StringComparer.Ordinal)
            .Select(g => new OverallRank(g.Key, g.Average(r => r.Rank), g.Count(), g.Count(r => r.Rank == 1)))
            .OrderBy(o => o.MeanRank)
            .ThenBy(o => o.Optimizer, StringComparer.Ordinal)
            .ToArray();

        return new RankTable(ranked, overall);
    }

    /// <summary>Average ranks on one workload: sort by (time, validation), then give each run of exact ties the mean of its places.</summary>
    private static OptimizerRank[] Rank(WorkloadResults workload)
    {
        var goal = workload.Goal;
        int Order(OptimizerResult a, OptimizerResult b)
        {
            int byTime = a.TimeToTarget.CompareTo(b.TimeToTarget);
            return byTime != 0 ? byTime : goal.Compare(a.BestValidation, b.BestValidation);
        }

        var sorted = workload.Optimizers
            .Order(Comparer<OptimizerResult>.Create((a, b) =>
            {
                int order = Order(a, b);
                return order != 0 ? order : string.CompareOrdinal(a.Optimizer, b.Optimizer);
            }))
            .ToArray();

        var ranks = new OptimizerRank[sorted.Length];
        for (int first = 0; first < sorted.Length;)
        {
            int last = first;
            while (last + 1 < sorted.Length && Order(sorted[first], sorted[last + 1]) == 0)
            {
                last++;
            }

            // Places first + 1 … last + 1 (1-based) share their mean.
            double rank = (first + last + 2) / 2.0;
            for (int i = first; i <= last; i++)
            {
                ranks[i] = new OptimizerRank(sorted[i].Optimizer, rank);
            }

            first = last + 1;
        }

        return ranks;
    }

    private static void Check(IReadOnlyList<WorkloadResults> workloads)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        if (workloads.Count == 0)
        {
            throw new ArgumentException("workloads is empty: give the results of at least one workload.", nameof(workloads));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int w = 0; w < workloads.Count; w++)
        {
            var workload = workloads[w] ?? throw new ArgumentException($"workloads[{w}] is null.", nameof(workloads));
            if (!seen.Add(workload.Workload ?? throw new ArgumentException($"workloads[{w}].Workload is null: name every workload.", nameof(workloads))))
            {
                throw new ArgumentException($"workloads[{w}] repeats workload '{workload.Workload}': give each workload once.", nameof(workloads));
            }

            if (!Enum.IsDefined(workload.Goal))
            {
                throw new ArgumentException($"workloads[{w}] ('{workload.Workload}') has goal {workload.Goal}: use Goal.Minimize or Goal.Maximize.", nameof(workloads));
            }

            if (workload.Optimizers is null || workload.Optimizers.Count == 0)
            {
                throw new ArgumentException($"workloads[{w}] ('{workload.Workload}') has no optimizers: give at least one result.", nameof(workloads));
            }

            CheckOptimizers(workload, w);
        }
    }

    private static void CheckOptimizers(WorkloadResults workload, int w)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int o = 0; o < workload.Optimizers.Count; o++)
        {
            string where = $"workloads[{w}] ('{workload.Workload}').Optimizers[{o}]";
            var result = workload.Optimizers[o] ?? throw new ArgumentException($"{where} is null.", "workloads");
            if (!names.Add(result.Optimizer ?? throw new ArgumentException($"{where}.Optimizer is null: name every optimizer.", "workloads")))
            {
                throw new ArgumentException($"{where} repeats optimizer '{result.Optimizer}': give each optimizer once per workload.", "workloads");
            }

            if (!(result.TimeToTarget >= 0))
            {
                throw new ArgumentException(
                    $"{where} ('{result.Optimizer}') has TimeToTarget = {result.TimeToTarget}: give a time ≥ 0, or +∞ for a missed target.", "workloads");
            }
        }
    }
}
