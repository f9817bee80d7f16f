using System.Text;
using Descent.Benchmarks.Scores;
using Descent.Plotting;

namespace Descent.Benchmarks.Reporting;

/// <summary>
/// The report's pictures, written as PNG files into the report's folder: the performance profiles (steps and seconds),
/// time to target, ranks, and per workload the budget curves and the learning-rate sensitivity. Returns them by key
/// (see <see cref="BenchmarkReport"/>); a picture without data (no complete study yet) is left out.
/// </summary>
public static class BenchmarkPictures
{
    /// <summary>Writes the pictures.</summary>
    public static IReadOnlyDictionary<string, PictureBlock> Write(BenchmarkScores scores, string directory)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var pictures = new Dictionary<string, PictureBlock>(StringComparer.Ordinal);
        void Add(string key, string file, string title, string caption, Action<string> save)
        {
            save(Path.Combine(directory, file));
            pictures[key] = new PictureBlock(file, title, caption);
        }

        if (scores.StepsProfile is { } steps)
        {
            Add("profile", "profile.png", "Performance profile (steps to target)", ProfileCaption(steps, "steps (samples for data workloads)"),
                file => PerformanceProfilePlot.SavePng(file, Series(steps, scores.Optimizers), steps.TauMax, "tau: within this factor of the fastest optimizer's steps", "Performance profile: steps to target"));
        }

        if (scores.SecondsProfile is { } seconds)
        {
            Add("profile-seconds", "profile-seconds.png", "Performance profile (seconds to target)", ProfileCaption(seconds, "training seconds"),
                file => PerformanceProfilePlot.SavePng(file, Series(seconds, scores.Optimizers), seconds.TauMax, "tau: within this factor of the fastest optimizer's seconds", "Performance profile: seconds to target"));
        }

        var groups = TimeGroups(scores);
        if (groups.Count > 0)
        {
            Add("time-to-target", "time-to-target.png", "Time to target", "Median over studies of each study's fastest trial to the target, with the interquartile range; a missed target is marked.",
                file => TimeToTargetPlot.SavePng(file, scores.Optimizers, groups, "steps (samples for data workloads) to target", "Time to target per workload"));
        }

        if (BenchmarkComparisons.Ranks(scores) is { } ranks)
        {
            var workloads = ranks.Workloads.Select(w => w.Workload).ToArray();
            var table = ranks.Workloads
                .Select(w => scores.Optimizers.Select(o => w.Ranks.FirstOrDefault(r => r.Optimizer == o) is { Optimizer: not null } r ? r.Rank : double.NaN).ToArray())
                .ToArray();
            Add("ranks", "ranks.png", "Ranks", "Each optimizer's rank on each workload (1: best; by median steps to target, ties and misses by median best validation) and its mean rank.",
                file => RankHeatmapPlot.SavePng(file, workloads, scores.Optimizers, table, "Ranks per workload"));
        }

        foreach (var workload in scores.Plan.File.Workloads)
        {
            var cells = scores.Cells.Where(c => c.Cell.Workload.Name == workload.Name).ToArray();
            var budget = cells.Where(c => c.Budget is not null)
                .Select(c => new BudgetSeries(c.Cell.OptimizerName, c.Budget!.Points.Select(p => p.Expected).ToArray(), c.Budget.Points.Select(p => p.Lower).ToArray(), c.Budget.Points.Select(p => p.Upper).ToArray()))
                .ToArray();
            string name = FileName(workload.Name);
            if (budget.Length > 0)
            {
                Add($"budget/{workload.Name}", $"budget-{name}.png", $"Budget curves: {workload.Name}", $"Expected best {workload.Target.Metric} after k tuning trials, with its 95% bootstrap band; dashed: the target.",
                    file => BudgetCurvePlot.SavePng(file, budget, $"best {workload.Target.Metric}", $"{workload.Name}: expected best after k trials", workload.Target.Value));
            }

            var sensitivity = cells.Where(c => c.Sensitivity.Count > 0)
                .Select(c => new SensitivitySeries(c.Cell.OptimizerName, c.Sensitivity))
                .ToArray();
            if (sensitivity.Length > 0)
            {
                Add($"sensitivity/{workload.Name}", $"sensitivity-{name}.png", $"Learning-rate sensitivity: {workload.Name}", $"Best {workload.Target.Metric} of every tuning trial against its learning rate; diverged trials on the marked row.",
                    file => SensitivityPlot.SavePng(file, sensitivity, $"best {workload.Target.Metric}", $"{workload.Name}: learning-rate sensitivity", workload.Target.Maximize, workload.Target.Value));
            }
        }

        return pictures;
    }

    /// <summary>The profile's curves in the file's order of optimizers, so each optimizer has the same colour in every picture.</summary>
    private static ProfileSeries[] Series(PerformanceProfile profile, IReadOnlyList<string> optimizers) =>
        profile.Curves
            .OrderBy(c => IndexOf(optimizers, c.Optimizer))
            .Select(c => new ProfileSeries(c.Optimizer, profile.Workloads.Select(w => profile.Ratios[w][c.Optimizer]).ToArray(), c.Score))
            .ToArray();

    private static string ProfileCaption(PerformanceProfile profile, string unit) =>
        $"For each optimizer, the fraction of the {profile.Workloads.Count} workloads on which its median {unit} to target are within a factor tau of the fastest optimizer's; the legend gives the area score up to tau = {profile.TauMax:0.##}.";

    /// <summary>Bars for the workloads where every optimizer has complete studies with a positive median time.</summary>
    private static List<TimeToTargetGroup> TimeGroups(BenchmarkScores scores)
    {
        var groups = new List<TimeToTargetGroup>();
        foreach (var workload in scores.Plan.File.Workloads)
        {
            var spreads = scores.Optimizers
                .Select(o => scores.Cells.FirstOrDefault(c => c.Cell.Workload.Name == workload.Name && c.Cell.OptimizerName == o)?.Studies?.StepsToTarget)
                .ToArray();
            if (spreads.All(s => s is not null && s.Median > 0))
            {
                groups.Add(new TimeToTargetGroup(workload.Name, spreads.Select(s => new TimeToTargetBar(s!.Median, s.LowerQuartile, s.UpperQuartile)).ToArray()));
            }
        }

        return groups;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return names.Count;
    }

    private static string FileName(string workload)
    {
        var name = new StringBuilder(workload.Length);
        foreach (char c in workload)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return name.ToString();
    }
}
