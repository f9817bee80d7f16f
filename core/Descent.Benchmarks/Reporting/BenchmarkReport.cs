using System.Globalization;
using Descent.Benchmarks.Scores;
using Descent.Reports.Writing;

namespace Descent.Benchmarks.Reporting;

/// <summary>
/// The blocks of a benchmark's report, from its scores and the pictures written for it (by key: <c>profile</c>,
/// <c>profile-seconds</c>, <c>time-to-target</c>, <c>ranks</c>, <c>budget/WORKLOAD</c>, <c>sensitivity/WORKLOAD</c>; a missing key leaves its picture out).
/// </summary>
public static class BenchmarkReport
{
    /// <summary>How to read the scores, shown under the summary.</summary>
    public const string HowToRead =
        "Each optimizer is tuned on each workload in independent studies of quasi-random trials over its search space (the tuning budget). " +
        "A study's time to target is its fastest trial's (AlgoPerf); the table shows the median over studies, so an optimizer must reach the target in most studies to be timed. " +
        "Configurations are selected by the workload's validation metric, never its test metric. The performance profile gives, for each optimizer, the fraction of workloads " +
        "on which its median time is within a factor tau of the best optimizer's; its score is the area under the profile up to tau_max, normalized to 1.";

    /// <summary>The blocks.</summary>
    public static IReadOnlyList<ReportBlock> Blocks(BenchmarkScores scores, IReadOnlyDictionary<string, PictureBlock> pictures)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(pictures);
        var blocks = new List<ReportBlock> { new ParagraphBlock(Summary(scores)), new ParagraphBlock(HowToRead, Note: true) };
        if (scores.MissingTrials > 0)
        {
            blocks.Add(new ParagraphBlock($"Incomplete: {scores.MissingTrials} trials have no final run yet (other shards may still run, or the benchmark was interrupted); studies without all their trials are left out. Run 'descent benchmark {scores.Plan.File.Path}' again to finish them.", Note: true));
        }

        blocks.Add(new HeadingBlock(2, "Performance profile"));
        Add(blocks, pictures, "profile");
        Add(blocks, pictures, "profile-seconds");
        blocks.Add(ProfileTable(scores));
        blocks.AddRange(BenchmarkComparisonBlocks.Ranks(scores, pictures));
        blocks.Add(new HeadingBlock(2, "Time to target"));
        Add(blocks, pictures, "time-to-target");
        foreach (var workload in scores.Plan.File.Workloads)
        {
            blocks.Add(new HeadingBlock(3, $"{workload.Name}: {workload.Target.Metric} {(workload.Target.Maximize ? "≥" : "≤")} {Number(workload.Target.Value)}"));
            blocks.Add(TimeTable(scores, workload.Name));
        }

        if (scores.SecondsEstimated)
        {
            blocks.Add(new ParagraphBlock("Seconds of workloads whose runs record no training clock (the train_seconds metric, recorded at evaluations) are estimated as the training loop's wall time times the step's share of the run.", Note: true));
        }

        blocks.Add(new HeadingBlock(2, "Budget curves"));
        blocks.Add(new ParagraphBlock($"The expected best validation value after k tuning trials, drawn without replacement from the trials run (all studies pooled), with a {BenchmarkScoring.BudgetResamples}-resample bootstrap 95% band: small, medium and large budgets read from one search (Schmidt et al. 2021)."));
        foreach (var workload in scores.Plan.File.Workloads)
        {
            blocks.Add(new HeadingBlock(3, workload.Name));
            Add(blocks, pictures, $"budget/{workload.Name}");
            blocks.Add(BudgetTable(scores, workload.Name));
        }

        blocks.AddRange(BenchmarkComparisonBlocks.Baseline(scores));
        blocks.AddRange(BenchmarkComparisonBlocks.Sensitivity(scores, pictures));
        return blocks;
    }

    private static void Add(List<ReportBlock> blocks, IReadOnlyDictionary<string, PictureBlock> pictures, string key)
    {
        if (pictures.TryGetValue(key, out var picture))
        {
            blocks.Add(picture);
        }
    }

    private static string Summary(BenchmarkScores scores)
    {
        var file = scores.Plan.File;
        var p = file.Protocol;
        string reruns = p.RerunSeeds.Count == 0 ? "no reruns" : $"each study's best configuration rerun with seeds {string.Join(", ", p.RerunSeeds)}";
        return $"{file.Workloads.Count} workloads x {file.Optimizers.Count} optimizers; {p.Studies} studies of {p.TrialsPerStudy} {p.Search.ToString().ToLowerInvariant()} trials each per workload and optimizer " +
               $"({scores.Plan.Tuning.Count} tuning trials); {reruns}. Benchmark {scores.Plan.Sweep.Identity[..12]}, file {file.Path}.";
    }

    private static TableBlock ProfileTable(BenchmarkScores scores)
    {
        var rows = scores.Optimizers.Select(o => (IReadOnlyList<string>)
        [
            o,
            Score(scores.StepsProfile, o),
            Score(scores.SecondsProfile, o),
        ]).ToArray();
        string caption = scores.StepsProfile is { } profile
            ? $"Scores: area under the profile from tau = 1 to {Number(profile.TauMax)}, divided by {Number(profile.TauMax - 1)} (1: fastest on every workload); over {profile.Workloads.Count} workloads with every optimizer scored."
            : "No profile: no workload has complete studies for every optimizer yet.";
        return new TableBlock(["optimizer", "score (steps)", "score (seconds)"], rows, new HashSet<int> { 1, 2 }, caption);
    }

    private static string Score(PerformanceProfile? profile, string optimizer) =>
        profile?.Curves.FirstOrDefault(c => c.Optimizer == optimizer) is { } curve ? curve.Score.ToString("0.000", CultureInfo.InvariantCulture) : ReportNumbers.None;

    private static TableBlock TimeTable(BenchmarkScores scores, string workload)
    {
        var cells = scores.Cells.Where(c => c.Cell.Workload.Name == workload).ToArray();
        bool data = cells.Length > 0 && cells[0].Cell.Workload.Dataset is not null;
        string unit = data ? "samples" : "steps";
        var rows = new List<IReadOnlyList<string>>();
        foreach (var cell in cells)
        {
            var s = cell.Studies;
            var test = cell.Reruns.Select(r => r.Test).OfType<double>().ToArray();
            var rerunBest = cell.Reruns.Select(r => r.BestValidation).Where(double.IsFinite).ToArray();
            rows.Add(
            [
                cell.Cell.OptimizerName,
                s is null ? ReportNumbers.None : $"{s.Reached}/{s.Studies.Count}",
                s is null ? ReportNumbers.None : Time(s.StepsToTarget),
                s is null ? ReportNumbers.None : Time(s.SecondsToTarget),
                s is null ? ReportNumbers.None : $"{Number(s.BestValidation.Median)} [{Number(s.BestValidation.Min)}, {Number(s.BestValidation.Max)}]",
                s?.TestMetric is { } t ? Number(t.Median) : ReportNumbers.None,
                rerunBest.Length == 0 ? ReportNumbers.None : $"{Number(Quantile.Of(rerunBest, 0.5))}{(test.Length == 0 ? "" : $" / {Number(Quantile.Of(test, 0.5))}")} (n={rerunBest.Length})",
            ]);
        }

        return new TableBlock(
            ["optimizer", "studies reaching target", $"{unit} to target", "seconds to target", "best validation", "test of best", "reruns: validation / test"],
            rows,
            new HashSet<int> { 2, 3, 4, 5, 6 },
            "Times: median [interquartile range] over studies; inf: the target was missed (in most studies, for a median). Best validation: median [min, max] over studies; test of best: the median of each study's best trial's test metric. " +
            "Reruns train each study's best configuration again with the rerun seeds: the medians of their best validation and test values.");
    }

    private static TableBlock BudgetTable(BenchmarkScores scores, string workload)
    {
        var cells = scores.Cells.Where(c => c.Cell.Workload.Name == workload).ToArray();
        int n = cells.Select(c => c.Budget?.Points.Count ?? 0).DefaultIfEmpty(0).Max();
        int[] ks = new[] { 1, Math.Max(1, n / 4), Math.Max(1, n / 2), n }.Where(k => k >= 1).Distinct().ToArray();
        var rows = cells.Select(c => (IReadOnlyList<string>)[c.Cell.OptimizerName, .. ks.Select(k => Budget(c.Budget, k))]).ToArray();
        return new TableBlock(["optimizer", .. ks.Select(k => $"k = {k}")], rows, Enumerable.Range(1, ks.Length).ToHashSet(), "Expected best validation value after k trials [95% band].");
    }

    private static string Budget(BudgetCurve? curve, int k) =>
        curve is null || k > curve.Points.Count ? ReportNumbers.None : $"{Number(curve.Points[k - 1].Expected)} [{Number(curve.Points[k - 1].Lower)}, {Number(curve.Points[k - 1].Upper)}]";

    private static string Time(Spread spread) =>
        double.IsPositiveInfinity(spread.Median) ? "inf" : $"{Number(spread.Median)} [{Number(spread.LowerQuartile)}, {Number(spread.UpperQuartile)}]";

    private static string Number(double value) => ReportNumbers.Significant(value, 4);
}
