using System.Globalization;
using ScottPlot;

namespace Descent.Plotting;

/// <summary>
/// Expected best validation metric against tuning budget (Dodge et al. 2019, "expected validation performance"):
/// for each optimizer a line over k = 1..n trials with its band shaded, so that one sees which optimizer is
/// good with few trials and which only with many. An optional dashed line marks the target.
/// </summary>
public static class BudgetCurvePlot
{
    /// <summary>Builds the picture.</summary>
    /// <param name="series">One per optimizer.</param>
    /// <param name="yLabel">Label of the metric axis (e.g. <c>best validation accuracy</c>).</param>
    /// <param name="title">The title.</param>
    /// <param name="target">The metric's target, drawn as a dashed line; null for none.</param>
    public static Plot Create(IReadOnlyList<BudgetSeries> series, string yLabel, string title, double? target = null)
    {
        Validate(series, target);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        plot.XLabel("tuning trials k");
        plot.YLabel(yLabel);
        for (int s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var color = PlotStyle.Palette[s % PlotStyle.Palette.Count];
            int[] drawn = Enumerable.Range(0, line.Expected.Count)
                .Where(i => double.IsFinite(line.Expected[i]) && double.IsFinite(line.Lower[i]) && double.IsFinite(line.Upper[i]))
                .ToArray();
            if (drawn.Length == 0)
            {
                continue;
            }

            double[] k = drawn.Select(i => i + 1.0).ToArray();
            var band = plot.Add.FillY(k, drawn.Select(i => line.Lower[i]).ToArray(), drawn.Select(i => line.Upper[i]).ToArray());
            band.FillStyle.Color = color.WithAlpha(series.Count > 3 ? 0.1 : 0.2); // many bands overlap: keep each faint
            band.LineWidth = 0;
            var curve = plot.Add.ScatterLine(k, drawn.Select(i => line.Expected[i]).ToArray(), color);
            curve.LineWidth = 2;
            curve.MarkerSize = k.Length <= 30 ? 5 : 0;
            curve.MarkerShape = MarkerShape.FilledCircle;
            curve.LegendText = line.Label;
        }

        if (target is { } t)
        {
            var rule = plot.Add.HorizontalLine(t, 1.5f, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
            rule.LegendText = "target";
        }

        plot.ShowLegend(Edge.Right);
        int n = series.Max(s => s.Expected.Count);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsX(n > 1 ? 0.8 : 0.5, n > 1 ? n + 0.2 : 1.5);
        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG (<see cref="PlotStyle.WideWidth"/> x <see cref="PlotStyle.Height"/>).</summary>
    public static void SavePng(string file, IReadOnlyList<BudgetSeries> series, string yLabel, string title, double? target = null) =>
        PngFile.Save(Create(series, yLabel, title, target), file, PlotStyle.WideWidth, PlotStyle.Height);

    private static void Validate(IReadOnlyList<BudgetSeries> series, double? target)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("series is empty: give one BudgetSeries per optimizer", nameof(series));
        }

        foreach (var line in series)
        {
            if (line.Expected.Count == 0)
            {
                throw new ArgumentException($"series '{line.Label}' has no values: give the expected best metric for k = 1..n trials", nameof(series));
            }

            if (line.Lower.Count != line.Expected.Count || line.Upper.Count != line.Expected.Count)
            {
                throw new ArgumentException(
                    $"series '{line.Label}' has {line.Expected.Count} expected values but {line.Lower.Count} lower and {line.Upper.Count} upper: give the band's edges for every k",
                    nameof(series));
            }
        }

        if (target is { } t && !double.IsFinite(t))
        {
            throw new ArgumentOutOfRangeException(nameof(target), t, $"target {t.ToString(CultureInfo.InvariantCulture)} must be finite, or null for no target line");
        }
    }
}
