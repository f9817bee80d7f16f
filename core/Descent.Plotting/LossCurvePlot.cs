using ScottPlot;
using ScottPlot.TickGenerators;

namespace Descent.Plotting;

/// <summary>
/// Loss against epoch (or step), as the chapter's training figures; several series get one colour each
/// and a legend, bands are shaded. The loss axis turns logarithmic when the positive losses span more
/// than three decades, so that a converging run does not collapse into a flat line. With more than
/// <see cref="LegendInsideMax"/> labeled series the legend moves outside, right of the data, so that it
/// hides no curve (use <see cref="WidthFor"/> for the picture's width).
/// </summary>
public static class LossCurvePlot
{
    /// <summary>The most labeled series whose legend sits inside the data area.</summary>
    public const int LegendInsideMax = 4;

    /// <summary>Builds the picture.</summary>
    public static Plot Create(IReadOnlyList<LossSeries> series, string xLabel, string title, bool? logarithmic = null)
    {
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        plot.XLabel(xLabel);
        bool log = logarithmic ?? ShouldUseLog(series);
        plot.YLabel(log ? "loss (log scale)" : "loss");
        Func<double, double> map = log ? v => v > 0 ? Math.Log10(v) : double.NaN : v => v;

        for (int s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var color = series.Count == 1 ? PlotStyle.Blue : PlotStyle.Palette[s % PlotStyle.Palette.Count];
            if (line.Lower is not null && line.Upper is not null)
            {
                var band = plot.Add.FillY(line.X, line.Lower.Select(map).ToArray(), line.Upper.Select(map).ToArray());
                band.FillStyle.Color = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }

            var curve = plot.Add.ScatterLine(line.X, line.Y.Select(map).ToArray(), color);
            curve.LineWidth = 1.8f;
            if (!string.IsNullOrEmpty(line.Label))
            {
                curve.LegendText = line.Label;
            }
        }

        if (LegendOutside(series))
        {
            plot.ShowLegend(Edge.Right);
        }
        else if (series.Any(s => !string.IsNullOrEmpty(s.Label)))
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        if (log)
        {
            plot.Axes.Left.TickGenerator = new NumericAutomatic
            {
                MinorTickGenerator = new LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = PlotStyle.PowerOfTen,
            };
        }

        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG.</summary>
    public static void SavePng(string file, IReadOnlyList<LossSeries> series, string xLabel, string title, bool? logarithmic = null) =>
        PngFile.Save(Create(series, xLabel, title, logarithmic), file, WidthFor(series), PlotStyle.Height);

    /// <summary>The picture's width: wider when the legend sits outside the data area.</summary>
    public static int WidthFor(IReadOnlyList<LossSeries> series) => LegendOutside(series) ? PlotStyle.WideWidth : PlotStyle.Width;

    private static bool LegendOutside(IReadOnlyList<LossSeries> series) => series.Count(s => !string.IsNullOrEmpty(s.Label)) > LegendInsideMax;

    /// <summary>True when every finite loss is positive and they span more than three decades.</summary>
    public static bool ShouldUseLog(IReadOnlyList<LossSeries> series)
    {
        var values = series.SelectMany(s => s.Y).Where(double.IsFinite).ToArray();
        return values.Length > 1 && values.All(v => v > 0) && values.Max() / values.Min() > 1e3;
    }
}
