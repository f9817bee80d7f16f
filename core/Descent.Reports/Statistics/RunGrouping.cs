using System.Globalization;
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
        var spec = run.Spec;
        var t = spec.Training;
        var parts = new[] { $"objective={spec.Objective}", $"dataset={spec.Dataset}", $"steps={t.Steps}", $"epochs={t.Epochs}", $"batch_size={t.BatchSize}", $"dtype={spec.DType}", $"autograd={t.Autograd}" }
            .Concat(spec.ObjectiveArgs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"objective {p.Key}={p.Value}"))
            .Concat(spec.DatasetArgs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"dataset {p.Key}={p.Value}"));
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
        var specs = representatives.Select(r => r.Spec).ToArray();
        var differing = specs.GroupBy(s => s.Objective, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.SelectMany(s => s.ObjectiveArgs.Keys).Distinct()
                .Where(k => g.Select(s => s.ObjectiveArgs.GetValueOrDefault(k)).Distinct().Count() > 1)
                .Order(StringComparer.Ordinal)
                .ToArray(),
            StringComparer.Ordinal);
        bool dtypeDiffers = specs.Select(s => s.DType).Distinct().Count() > 1;
        return specs.Select(s =>
        {
            var args = differing[s.Objective].Select(k => $"{k}={s.ObjectiveArgs.GetValueOrDefault(k) ?? "-"}").ToArray();
            string objective = args.Length == 0 ? s.Objective : $"{s.Objective} ({string.Join(", ", args)})";
            var training = new List<string>();
            if (s.Training.Steps is { } steps)
            {
                training.Add($"{steps.ToString(CultureInfo.InvariantCulture)} steps");
            }

            if (s.Training.Epochs is { } epochs)
            {
                training.Add($"{epochs.ToString(CultureInfo.InvariantCulture)} epoch{(epochs == 1 ? "" : "s")}");
            }

            if (s.Training.BatchSize is { } batch)
            {
                training.Add($"batch {batch.ToString(CultureInfo.InvariantCulture)}");
            }

            if (dtypeDiffers)
            {
                training.Add(s.DType);
            }

            string data = s.Dataset is null ? "" : $" on {s.Dataset}";
            return training.Count == 0 ? objective + data : $"{objective}{data}, {string.Join(", ", training)}";
        }).ToArray();
    }
}
