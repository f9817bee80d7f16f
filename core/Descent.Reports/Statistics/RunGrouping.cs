using Descent.Reports.Reading;

namespace Descent.Reports.Statistics;

/// <summary>
/// Splits a sweep's runs into <see cref="RunGroup"/>s (same objective and settings, dataset and training
/// settings) and each group into configurations (same label). Groups keep sweep order; within a group,
/// configurations keep sweep order too, except that an optimizer tried at more than
/// <see cref="LearningRateListing"/> configurations (a learning-rate search) is listed by <c>lr</c>.
/// </summary>
public static class RunGrouping
{
    /// <summary>Above this many configurations of one optimizer in a group, they are listed by learning rate.</summary>
    public const int LearningRateListing = 3;

    private static readonly string[] TrainingKeys = ["steps", "epochs", "batch_size", "dtype", "autograd"];

    /// <summary>The groups of <paramref name="runs"/> (given in sweep order).</summary>
    public static IReadOnlyList<RunGroup> Group(IReadOnlyList<ReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var byKey = runs.GroupBy(Key, StringComparer.Ordinal).ToArray();
        var titles = Titles(byKey.Select(g => g.First()).ToArray());
        return byKey.Select((g, i) => new RunGroup(i + 1, titles[i], g.First().UsesData, Configurations(g.ToArray()))).ToArray();
    }

    /// <summary>What makes runs comparable in one picture: the objective with its settings, the dataset with its, the training settings.</summary>
    public static string Key(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var parts = run.Params
            .Where(p => IsObjectiveArg(p.Key) || IsDatasetArg(p.Key) || p.Key is "objective" or "dataset" || TrainingKeys.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}");
        return string.Join("\n", parts);
    }

    private static IReadOnlyList<ConfigurationResult> Configurations(IReadOnlyList<ReportRun> runs)
    {
        var configurations = runs.GroupBy(r => r.Configuration, StringComparer.Ordinal)
            .Select(g => ConfigurationResult.Of(g.Key, g.ToArray()))
            .ToList();
        var position = configurations.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var firstOfOptimizer = configurations.GroupBy(c => c.Optimizer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => position[g.First()], StringComparer.Ordinal);
        var searched = configurations.GroupBy(c => c.Optimizer, StringComparer.Ordinal)
            .Where(g => g.Count() > LearningRateListing && g.All(c => c.LearningRate is not null))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        if (searched.Count == 0)
        {
            return configurations;
        }

        return configurations
            .OrderBy(c => searched.Contains(c.Optimizer) ? firstOfOptimizer[c.Optimizer] : position[c])
            .ThenBy(c => searched.Contains(c.Optimizer) ? c.LearningRate!.Value : 0)
            .ThenBy(c => position[c])
            .ToArray();
    }

    /// <summary>
    /// Titles that tell the groups apart without repeating what they share: the objective with the
    /// settings that differ between its groups, the dataset, and the training settings.
    /// </summary>
    private static string[] Titles(IReadOnlyList<ReportRun> representatives)
    {
        var differing = representatives.GroupBy(r => r.Objective, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.SelectMany(r => r.Params.Keys.Where(IsObjectiveArg)).Distinct()
                .Where(k => g.Select(r => r.Params.GetValueOrDefault(k)).Distinct().Count() > 1)
                .Order(StringComparer.Ordinal)
                .ToArray(),
            StringComparer.Ordinal);
        bool dtypeDiffers = representatives.Select(r => r.Params.GetValueOrDefault("dtype")).Distinct().Count() > 1;
        return representatives.Select(r =>
        {
            var args = differing[r.Objective].Select(k => $"{k["objective.".Length..]}={r.Params.GetValueOrDefault(k) ?? "-"}").ToArray();
            string objective = args.Length == 0 ? r.Objective : $"{r.Objective} ({string.Join(", ", args)})";
            var training = new List<string>();
            if (r.Params.GetValueOrDefault("steps") is { } steps)
            {
                training.Add($"{steps} steps");
            }

            if (r.Params.GetValueOrDefault("epochs") is { } epochs)
            {
                training.Add($"{epochs} epoch{(epochs == "1" ? "" : "s")}");
            }

            if (r.Params.GetValueOrDefault("batch_size") is { } batch)
            {
                training.Add($"batch {batch}");
            }

            if (dtypeDiffers && r.Params.GetValueOrDefault("dtype") is { } dtype)
            {
                training.Add(dtype);
            }

            string data = r.Dataset is null ? "" : $" on {r.Dataset}";
            return training.Count == 0 ? objective + data : $"{objective}{data}, {string.Join(", ", training)}";
        }).ToArray();
    }

    private static bool IsObjectiveArg(string key) => key.StartsWith("objective.", StringComparison.Ordinal) && key != "objective.version";

    private static bool IsDatasetArg(string key) => key.StartsWith("dataset.", StringComparison.Ordinal) && key != "dataset.version";
}
