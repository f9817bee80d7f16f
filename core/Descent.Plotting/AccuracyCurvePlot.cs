using ScottPlot;

namespace Descent.Plotting;

/// <summary>
/// Accuracy against training samples, one colour per series with its band shaded, the legend in the lower right (accuracy
/// curves rise, so that corner is where they are not), or outside, right of the data, with more than
/// <see cref="LossCurvePlot.LegendInsideMax"/> series. A target, when given, is a dashed horizontal line.
/// </summary>
public static class AccuracyCurvePlot
{
    /// <summary>Builds the picture.</summary>
    /// <param name="series">The curves.</param>
    /// <param name="yLabel">The axis title, e.g. <c>valid accuracy</c>.</param>
    /// <param name="title">The picture's title.</param>
    /// <param name="target">A value to mark with a dashed line, or null.</param>
    public static Plot Create(IReadOnlyList<AccuracySeries> series, string yLabel, string title, double? target = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        plot.XLabel("training samples");
        plot.YLabel(yLabel);
        for (int s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var color = series.Count == 1 ? PlotStyle.Blue : PlotStyle.Palette[s % PlotStyle.Palette.Count];
            if (line.Lower is not null && line.Upper is not null)
            {
                var band = plot.Add.FillY(line.X, line.Lower, line.Upper);
                band.FillStyle.Color = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }

            var curve = plot.Add.ScatterLine(line.X, line.Y, color);
            curve.LineWidth = 1.8f;
            curve.LegendText = line.Label;
        }

        if (target is { } value)
        {
            var mark = plot.Add.HorizontalLine(value, width: 1.2f, color: Colors.Gray, pattern: LinePattern.Dashed);
            mark.LegendText = $"target {value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (Outside(series))
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.ShowLegend(Alignment.LowerRight);
        }

        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG.</summary>
    public static void SavePng(string file, IReadOnlyList<AccuracySeries> series, string yLabel, string title, double? target = null) =>
        PngFile.Save(Create(series, yLabel, title, target), file, Outside(series) ? PlotStyle.WideWidth : PlotStyle.Width, PlotStyle.Height);

    private static bool Outside(IReadOnlyList<AccuracySeries> series) => series.Count > LossCurvePlot.LegendInsideMax;
}
