using System.Globalization;
using Descent.Benchmarks.Scores;
using Descent.Reports.Writing;

namespace Descent.Benchmarks.Reporting;

/// <summary>The report's sections on ranks, comparisons with the baseline and learning-rate sensitivity (see <see cref="BenchmarkComparisons"/>).</summary>
public static class BenchmarkComparisonBlocks
{
    /// <summary>Ranks: the heat map and one table of every workload's ranks and the mean rank.</summary>
    public static IEnumerable<ReportBlock> Ranks(BenchmarkScores scores, IReadOnlyDictionary<string, PictureBlock> pictures)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(pictures);
        yield return new HeadingBlock(2, "Ranks");
        if (BenchmarkComparisons.Ranks(scores) is not { } table)
        {
            yield return new ParagraphBlock("No ranks yet: no workload has a complete study.", Note: true);
            yield break;
        }

        if (pictures.TryGetValue("ranks", out var picture))
        {
            yield return picture;
        }

        var rows = table.Overall.Select(o => (IReadOnlyList<string>)
        [
            o.Optimizer,
            .. table.Workloads.Select(w => w.Ranks.FirstOrDefault(r => r.Optimizer == o.Optimizer) is { Optimizer: not null } r ? Rank(r.Rank) : ReportNumbers.None),
            Rank(o.MeanRank),
            o.Wins.ToString(CultureInfo.InvariantCulture),
        ]).ToArray();
        yield return new TableBlock(
            ["optimizer", .. table.Workloads.Select(w => w.Workload), "mean rank", "wins"],
            rows,
            Enumerable.Range(1, table.Workloads.Count + 2).ToHashSet(),
            "Rank 1 is best: by median steps to target; optimizers that tie or miss the target are ordered by median best validation; exact ties share the average place. Wins: rank exactly 1.");
    }

    /// <summary>Every optimizer against the baseline, per workload, on the reruns' best validation values.</summary>
    public static IEnumerable<ReportBlock> Baseline(BenchmarkScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        string baseline = BenchmarkComparisons.Baseline(scores);
        yield return new HeadingBlock(2, $"Against the baseline ({baseline})");
        if (scores.Plan.File.Protocol.RerunSeeds.Count == 0)
        {
            yield return new ParagraphBlock("No comparison: the protocol has no rerun_seeds, so no runs are paired by seed. Add 'rerun_seeds: [100, 101, 102]' to the protocol.", Note: true);
            yield break;
        }

        yield return new ParagraphBlock(
            $"Each study's best configuration is trained again with the rerun seeds; the candidate's and {baseline}'s reruns of the same study and seed are paired, " +
            $"and the mean of their differences in best validation value (candidate - {baseline}) gets a {BenchmarkComparisons.PairedResamples}-resample percentile bootstrap 95% interval. " +
            $"A difference is resolved when the interval excludes 0 and at least {BenchmarkComparisons.MinimumPairs} reruns are paired (a bootstrap over fewer understates the spread); " +
            "otherwise the seeds run cannot tell the two apart (run more rerun seeds or studies).");
        foreach (var workload in scores.Plan.File.Workloads)
        {
            var comparisons = BenchmarkComparisons.AgainstBaseline(scores, workload.Name);
            if (comparisons.Count == 0)
            {
                continue;
            }

            yield return new HeadingBlock(3, $"{workload.Name}: {workload.Target.Metric} ({(workload.Target.Maximize ? "higher" : "lower")} is better)");
            var rows = comparisons.Select(c => (IReadOnlyList<string>)
            [
                c.Optimizer,
                c.Result is { } r ? Signed(r.MeanDifference) : ReportNumbers.None,
                c.Result is { } i ? $"[{Signed(i.Interval.Lower)}, {Signed(i.Interval.Upper)}]" : ReportNumbers.None,
                c.Result is { } n ? n.Seeds.Count.ToString(CultureInfo.InvariantCulture) : ReportNumbers.None,
                Verdict(c, workload.Target.Maximize),
            ]).ToArray();
            yield return new TableBlock(["optimizer", $"mean difference vs {baseline}", "95% interval", "paired reruns", "verdict"], rows, new HashSet<int> { 1, 2, 3 });
        }
    }

    /// <summary>Learning-rate sensitivity: per workload the picture and a table of each optimizer's tuneability.</summary>
    public static IEnumerable<ReportBlock> Sensitivity(BenchmarkScores scores, IReadOnlyDictionary<string, PictureBlock> pictures)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(pictures);
        yield return new HeadingBlock(2, "Learning-rate sensitivity");
        yield return new ParagraphBlock(
            "How tuneable each optimizer is (DeepOBS, Schmidt et al. 2021): of its tuning trials, the share whose best validation value is within 5% of its best trial's, " +
            "and how many decades of learning rate those good trials span. Wide and high: forgiving; narrow: the learning rate must be found precisely.");
        foreach (var workload in scores.Plan.File.Workloads)
        {
            yield return new HeadingBlock(3, workload.Name);
            if (pictures.TryGetValue($"sensitivity/{workload.Name}", out var picture))
            {
                yield return picture;
            }

            var rows = scores.Cells.Where(c => c.Cell.Workload.Name == workload.Name).Select(c => BenchmarkComparisons.Sensitivity(c) is { } s
                ? (IReadOnlyList<string>)
                [
                    c.Cell.OptimizerName,
                    Number(s.BestLearningRate),
                    Number(s.BestValidation),
                    s.FractionWithinTolerance.ToString("P0", CultureInfo.InvariantCulture),
                    $"{Number(s.LowestWithinTolerance)} .. {Number(s.HighestWithinTolerance)}",
                    s.WidthDecades.ToString("0.00", CultureInfo.InvariantCulture),
                ]
                : [c.Cell.OptimizerName, ReportNumbers.None, ReportNumbers.None, ReportNumbers.None, ReportNumbers.None, ReportNumbers.None]).ToArray();
            yield return new TableBlock(["optimizer", "best lr", "best validation", "trials within 5%", "lr range within 5%", "width (decades)"], rows, new HashSet<int> { 1, 2, 3, 5 });
        }
    }

    private static string Verdict(BaselineComparison comparison, bool maximize)
    {
        if (comparison.Result is not { } result)
        {
            return $"no comparison: {comparison.Problem}";
        }

        if (result.Seeds.Count < BenchmarkComparisons.MinimumPairs)
        {
            return $"too few paired reruns to tell ({result.Seeds.Count}; at least {BenchmarkComparisons.MinimumPairs}: more rerun seeds or studies)";
        }

        if (!result.Resolved)
        {
            return result.Missed.Count > 0 ? $"not resolved ({result.Missed.Count} paired reruns diverged)" : $"not resolved by the {result.Seeds.Count} paired reruns";
        }

        bool better = maximize ? result.MeanDifference > 0 : result.MeanDifference < 0;
        return better ? $"better than {comparison.Baseline}" : $"worse than {comparison.Baseline}";
    }

    private static string Rank(double rank) => rank.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Signed(double value) => (value >= 0 ? "+" : "") + Number(value);

    private static string Number(double value) => ReportNumbers.Significant(value, 4);
}
