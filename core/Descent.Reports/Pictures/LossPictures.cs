using Descent.Plotting;
using Descent.Reports.Statistics;

namespace Descent.Reports.Pictures;

/// <summary>
/// The loss curves of a group: every configuration, at most <see cref="PerPicture"/> to a picture (split
/// evenly, in table order) so that each keeps its own colour and the legend stays readable. A group with
/// more than <see cref="ShowAllMax"/> configurations (a search) shows the best configuration of each
/// optimizer instead, by mean final loss.
/// </summary>
public static class LossPictures
{
    /// <summary>Curves in one picture: one colour each from the ten of the palette.</summary>
    public const int PerPicture = 10;

    /// <summary>Above this many configurations only each optimizer's best is drawn.</summary>
    public const int ShowAllMax = 20;

    /// <summary>Writes the group's loss pictures into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ReportPicture> Write(RunGroup group, string directory)
    {
        ArgumentNullException.ThrowIfNull(group);
        var shown = group.Configurations.Count > ShowAllMax ? BestOfEachOptimizer(group.Configurations) : group.Configurations;
        var series = shown.Select(c => LossBands.Of(c)).OfType<LossSeries>().ToArray();
        if (series.Length == 0)
        {
            return [];
        }

        int parts = (series.Length + PerPicture - 1) / PerPicture;
        string x = group.UsesData ? "epoch" : "step";
        string what = shown.Count < group.Configurations.Count
            ? $"The best configuration of each optimizer (lowest mean final loss; all {group.Configurations.Count} are in the table). "
            : "";
        string caption = $"{what}Loss against {x}: the line is the mean over seeds, the band spans their min and max; diverged runs are left out.";
        var pictures = new List<ReportPicture>();
        for (int p = 0; p < parts; p++)
        {
            // Even split: 14 curves make two pictures of 7, not 10 and 4.
            var part = series.Skip(series.Length * p / parts).Take((series.Length * (p + 1) / parts) - (series.Length * p / parts)).ToArray();
            string suffix = parts == 1 ? "" : $" ({p + 1} of {parts})";
            string file = parts == 1 ? $"loss-{group.Number}.png" : $"loss-{group.Number}-{p + 1}.png";
            string title = $"{group.Title}: loss{suffix}";
            LossCurvePlot.SavePng(Path.Combine(directory, file), part, x, title);
            pictures.Add(new ReportPicture(group.Number, PictureKind.LossCurves, file, title, caption));
        }

        return pictures;
    }

    private static IReadOnlyList<ConfigurationResult> BestOfEachOptimizer(IReadOnlyList<ConfigurationResult> configurations) =>
        configurations.GroupBy(c => c.Optimizer, StringComparer.Ordinal)
            .Select(g => g.Where(c => c.Statistics.FinalLoss is not null).MinBy(c => c.Statistics.FinalLoss!.Mean))
            .OfType<ConfigurationResult>()
            .ToArray();
}
