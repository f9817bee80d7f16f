using Descent.Plotting;
using Descent.Reports.Reading;
using Descent.Reports.Statistics;

namespace Descent.Reports.Pictures;

/// <summary>
/// The accuracy curves of a classification group: <c>valid/accuracy</c> (or <c>test/accuracy</c> when the runs have no valid
/// split) against training samples, one line per configuration (the mean over seeds, the min-max band shaded), the
/// configurations <see cref="PictureSelection"/> shows, at most <see cref="LossPictures.PerPicture"/> to a picture. The
/// target is a dashed line when every run shares one on that metric. Groups without accuracies get none.
/// </summary>
public static class AccuracyPictures
{
    /// <summary>Writes the group's accuracy pictures into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ReportPicture> Write(RunGroup group, string directory)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!group.HasAccuracy)
        {
            return [];
        }

        var shown = PictureSelection.Of(group);
        bool valid = shown.SelectMany(c => c.Runs).Any(r => r.ValidAccuracy.Count > 0);
        string split = valid ? "valid" : "test";
        Func<ReportRun, MetricHistory> history = valid ? r => r.ValidAccuracy : r => r.TestAccuracy;
        var series = shown.Select(c => AccuracyBands.Of(c, history)).OfType<AccuracySeries>().ToArray();
        if (series.Length == 0)
        {
            return [];
        }

        var targets = shown.SelectMany(c => c.Runs).Where(r => r.Counts).Select(r => r.Target).Distinct().ToArray();
        double? target = targets is [{ } only] && only.Metric == $"{split}/accuracy" ? only.Value : null;
        int parts = (series.Length + LossPictures.PerPicture - 1) / LossPictures.PerPicture;
        string caption = $"{PictureSelection.Note(group, shown.Count)}{char.ToUpperInvariant(split[0])}{split[1..]} accuracy against training samples: " +
                         "the line is the mean over seeds, the band spans their min and max" +
                         (target is null ? "" : "; the dashed line is the target") + ".";
        var pictures = new List<ReportPicture>();
        for (int p = 0; p < parts; p++)
        {
            var part = series.Skip(series.Length * p / parts).Take((series.Length * (p + 1) / parts) - (series.Length * p / parts)).ToArray();
            string suffix = parts == 1 ? "" : $" ({p + 1} of {parts})";
            string file = parts == 1 ? $"accuracy-{group.Number}.png" : $"accuracy-{group.Number}-{p + 1}.png";
            string title = $"{group.Title}: {split} accuracy{suffix}";
            AccuracyCurvePlot.SavePng(Path.Combine(directory, file), part, $"{split} accuracy", title, target);
            pictures.Add(new ReportPicture(group.Number, PictureKind.AccuracyCurves, file, title, caption));
        }

        return pictures;
    }
}
