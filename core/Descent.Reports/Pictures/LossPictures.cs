using Descent.Plotting;
using Descent.Reports.Statistics;

namespace Descent.Reports.Pictures;

/// <summary>
/// The loss curves of a group: every configuration, at most <see cref="PerPicture"/> to a picture (split
/// evenly, in table order) so that each keeps its own colour and the legend stays readable. A search
/// shows each optimizer's best configuration (<see cref="PictureSelection"/>).
/// </summary>
public static class LossPictures
{
    /// <summary>Curves in one picture: one colour each from the ten of the palette.</summary>
    public const int PerPicture = 10;

    /// <summary>Writes the group's loss pictures into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ReportPicture> Write(RunGroup group, string directory)
    {
        ArgumentNullException.ThrowIfNull(group);
        var shown = PictureSelection.Of(group);
        var series = shown.Select(c => LossBands.Of(c)).OfType<LossSeries>().ToArray();
        if (series.Length == 0)
        {
            return [];
        }

        int parts = (series.Length + PerPicture - 1) / PerPicture;
        string x = group.UsesData ? "epoch" : "step";
        string caption = $"{PictureSelection.Note(group, shown.Count)}Loss against {x}: the line is the mean over seeds, the band spans their min and max; diverged runs are left out.";
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
}
