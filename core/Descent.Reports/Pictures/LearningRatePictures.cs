using Descent.Plotting;
using Descent.Reports.Reading;
using Descent.Reports.Statistics;

namespace Descent.Reports.Pictures;

/// <summary>
/// Final loss against learning rate for a group whose configurations vary <c>lr</c> (a learning-rate
/// search, or a grid with at least <see cref="MinLearningRates"/> rates for one optimizer): one colour
/// per optimizer, a point per run, diverged runs as crosses above the rest.
/// </summary>
public static class LearningRatePictures
{
    /// <summary>An optimizer needs this many distinct learning rates in the group for the picture.</summary>
    public const int MinLearningRates = 3;

    /// <summary>True when the group varies the learning rate enough to draw.</summary>
    public static bool Applies(RunGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Configurations.GroupBy(c => c.Optimizer, StringComparer.Ordinal)
            .Any(g => g.Select(c => c.LearningRate).OfType<double>().Distinct().Count() >= MinLearningRates);
    }

    /// <summary>Writes the picture into <paramref name="directory"/> when the group varies the learning rate.</summary>
    public static IReadOnlyList<ReportPicture> Write(RunGroup group, string directory)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!Applies(group))
        {
            return [];
        }

        var series = group.Configurations.Where(c => c.LearningRate is not null)
            .GroupBy(c => c.Optimizer, StringComparer.Ordinal)
            .Select(g => new LearningRateSeries(
                g.Key,
                g.SelectMany(c => c.Runs).Where(r => r.Counts).Select(r => (r.LearningRate!.Value, r.FinalLoss!.Value)).ToArray(),
                g.SelectMany(c => c.Runs).Where(r => r.Outcome == TrialOutcome.Diverged).Select(r => r.LearningRate!.Value).ToArray()))
            .ToArray();
        string file = $"lr-{group.Number}.png";
        string title = $"{group.Title}: final loss against learning rate";
        LearningRatePlot.SavePng(Path.Combine(directory, file), series, title, InitialLoss(group));
        var without = group.Configurations.Where(c => c.LearningRate is null).Select(c => c.DisplayLabel).Distinct().ToArray();
        string caption = "Each point is one run; the line joins the means at each learning rate. Runs that ended above the initial loss are triangles at the top; " +
                         "crosses on the dashed line are runs that diverged." +
                         (without.Length == 0 ? "" : $" Not drawn (no lr): {string.Join(", ", without)}.");
        return [new ReportPicture(group.Number, PictureKind.LearningRate, file, title, caption)];
    }

    /// <summary>The highest loss any counted run started from: a run that ended above it made things worse.</summary>
    private static double? InitialLoss(RunGroup group)
    {
        var starts = group.Configurations.SelectMany(c => c.Runs).Where(r => r.Counts && r.Loss.Count > 0).Select(r => r.Loss.Loss[0]).Where(double.IsFinite).ToArray();
        return starts.Length == 0 ? null : starts.Max();
    }
}
