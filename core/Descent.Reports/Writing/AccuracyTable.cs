using System.Globalization;
using Descent.Reports.Statistics;

namespace Descent.Reports.Writing;

/// <summary>
/// A classification group's second table, one row per configuration: the final and best <c>valid/accuracy</c> and
/// <c>test/accuracy</c> (mean and sd over the counted seeds) and, when the runs had a target, the target, how many seeds
/// reached it and the median time to it (samples, steps, training seconds) over those that did. The highest mean final
/// valid accuracy is in bold.
/// </summary>
public static class AccuracyTable
{
    /// <summary>How to read the table (both writers print it under the table).</summary>
    public const string HowToRead =
        "Accuracy: mean and sample standard deviation over the seeds that count. Final: the last evaluation (for a trial that stopped " +
        "at its target, the evaluation that reached it); best: the highest of any evaluation. Time to target: the first evaluation " +
        "that reached the target, as the median over the seeds that reached it ('reached' says how many), in training samples, " +
        "optimizer steps and training seconds (evaluation excluded). The highest mean final valid accuracy is in bold.";

    /// <summary>The table of <paramref name="group"/>, or null when it has no accuracies.</summary>
    public static ReportTable? Of(RunGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!group.HasAccuracy)
        {
            return null;
        }

        bool target = group.Configurations.Any(c => c.Statistics.Accuracy?.Target is not null);
        var header = new List<string>
        {
            "configuration", "runs", "valid acc final", "sd", "valid acc best", "sd", "test acc final", "sd", "test acc best", "sd",
        };
        if (target)
        {
            header.AddRange(["target", "reached", "median samples", "median steps", "median s"]);
        }

        var rows = group.Configurations.Select(c => Row(c, target)).ToArray();
        var ranked = group.Configurations.Select((c, i) => (Mean: c.Statistics.Accuracy?.FinalValid?.Mean, Index: i)).Where(x => x.Mean is not null).ToArray();
        int? best = rows.Length > 1 && ranked.Length > 0 ? ranked.MaxBy(x => x.Mean!.Value).Index : null;
        var numeric = Enumerable.Range(1, 9).Concat(target ? [11, 12, 13, 14] : []).ToHashSet();
        return new ReportTable(header, rows, numeric, best) { BestMeaning = "highest mean final valid accuracy" };
    }

    private static IReadOnlyList<string> Row(ConfigurationResult configuration, bool target)
    {
        var a = configuration.Statistics.Accuracy;
        int counted = a?.FinalValid?.Count ?? a?.FinalTest?.Count ?? 0;
        int runs = configuration.Statistics.Runs;
        var row = new List<string>
        {
            configuration.DisplayLabel,
            counted == runs ? runs.ToString(CultureInfo.InvariantCulture) : $"{counted} of {runs}",
            ReportNumbers.Accuracy(a?.FinalValid?.Mean),
            ReportNumbers.Spread(a?.FinalValid?.StandardDeviation),
            ReportNumbers.Accuracy(a?.BestValid?.Mean),
            ReportNumbers.Spread(a?.BestValid?.StandardDeviation),
            ReportNumbers.Accuracy(a?.FinalTest?.Mean),
            ReportNumbers.Spread(a?.FinalTest?.StandardDeviation),
            ReportNumbers.Accuracy(a?.BestTest?.Mean),
            ReportNumbers.Spread(a?.BestTest?.StandardDeviation),
        };
        if (target)
        {
            var t = a?.Target;
            row.Add(t?.Target ?? ReportNumbers.None);
            row.Add(t is null ? ReportNumbers.None : $"{t.Reached} of {t.Runs}");
            row.Add(ReportNumbers.Count(t?.MedianSamples));
            row.Add(ReportNumbers.Count(t?.MedianSteps));
            row.Add(ReportNumbers.Seconds(t?.MedianSeconds));
        }

        return row;
    }
}
