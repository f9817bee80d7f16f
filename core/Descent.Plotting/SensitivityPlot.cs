using System.Globalization;
using ScottPlot;

namespace Descent.Plotting;

/// <summary>
/// Best validation metric of every tuning trial against its learning rate, on a logarithmic learning-rate
/// axis: one colour and marker shape per optimizer, so one sees how wide each optimizer's good range is.
/// A trial whose metric is not finite (it diverged) is a cross on a dashed row at the worst edge of the
/// picture (the bottom when higher is better, else the top), so that it is seen and not silently dropped.
/// The metric axis turns logarithmic when the positive metrics span more than three decades.
/// </summary>
public static class SensitivityPlot
{
    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp,
        MarkerShape.OpenDiamond, MarkerShape.OpenTriangleDown,
    ];

    /// <summary>Builds the picture.</summary>
    /// <param name="series">One per optimizer.</param>
    /// <param name="yLabel">Label of the metric axis.</param>
    /// <param name="title">The title.</param>
    /// <param name="higherIsBetter">True for accuracy-like metrics (diverged trials go to the bottom), false for losses (to the top).</param>
    /// <param name="target">The metric's target, drawn as a dashed line; null for none.</param>
    public static Plot Create(IReadOnlyList<SensitivitySeries> series, string yLabel, string title, bool higherIsBetter, double? target = null)
    {
        Validate(series, target);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        plot.XLabel("learning rate (log scale)");
        var finite = series.SelectMany(s => s.Points.Select(p => p.Value)).Where(double.IsFinite).ToList();
        if (target is { } t0)
        {
            finite.Add(t0);
        }

        bool log = LogAxis.Spans(finite, 3);
        plot.YLabel(log ? $"{yLabel} (log scale)" : yLabel);
        Func<double, double> y = log ? Math.Log10 : v => v;
        double divergedAt = DivergedRow(finite.Select(y).ToArray(), higherIsBetter);
        for (int s = 0; s < series.Count; s++)
        {
            var color = PlotStyle.Palette[s % PlotStyle.Palette.Count];
            var points = series[s].Points;
            var good = points.Where(p => double.IsFinite(p.Value)).ToArray();
            var bad = points.Where(p => !double.IsFinite(p.Value)).ToArray();
            var markers = plot.Add.Markers(
                good.Select(p => Math.Log10(p.LearningRate)).ToArray(), good.Select(p => y(p.Value)).ToArray(), Shapes[s % Shapes.Length], 8, color.WithAlpha(0.85));
            markers.LegendText = series[s].Label;
            if (bad.Length > 0)
            {
                var crosses = plot.Add.Markers(bad.Select(p => Math.Log10(p.LearningRate)).ToArray(), bad.Select(_ => divergedAt).ToArray(), MarkerShape.Eks, 10, color);
                crosses.MarkerStyle.LineWidth = 2;
            }
        }

        if (series.Any(s => s.Points.Any(p => !double.IsFinite(p.Value))))
        {
            var rule = plot.Add.HorizontalLine(divergedAt, 1, Colors.Gray, LinePattern.Dashed);
            rule.LegendText = "diverged (crosses)";
            var label = plot.Add.Text("diverged", series.SelectMany(s => s.Points).Min(p => Math.Log10(p.LearningRate)), divergedAt);
            label.LabelFontSize = 11;
            label.LabelFontColor = Colors.Gray;
            label.LabelAlignment = higherIsBetter ? Alignment.LowerLeft : Alignment.UpperLeft;
        }

        if (target is { } t)
        {
            var rule = plot.Add.HorizontalLine(y(t), 1.5f, Colors.Black.WithAlpha(0.7), LinePattern.Dashed);
            rule.LegendText = "target";
        }

        plot.ShowLegend(Edge.Right);
        plot.Axes.Bottom.TickGenerator = LogAxis.Ticks();
        if (log)
        {
            plot.Axes.Left.TickGenerator = LogAxis.Ticks();
        }

        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG (<see cref="PlotStyle.WideWidth"/> x <see cref="PlotStyle.Height"/>).</summary>
    public static void SavePng(string file, IReadOnlyList<SensitivitySeries> series, string yLabel, string title, bool higherIsBetter, double? target = null) =>
        PngFile.Save(Create(series, yLabel, title, higherIsBetter, target), file, PlotStyle.WideWidth, PlotStyle.Height);

    /// <summary>
    /// Where diverged trials are drawn, in plotted units: 10% of the drawn range (0.1 when the range
    /// is a point) beyond the worst drawn value: below the lowest when higher is better, above the highest when
    /// lower is better. With nothing drawn, 0.
    /// </summary>
    /// <param name="drawn">The plotted positions of every finite value (and the target), already log10 on a log axis.</param>
    /// <param name="higherIsBetter">Which edge is worst.</param>
    public static double DivergedRow(IReadOnlyList<double> drawn, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        if (drawn.Count == 0)
        {
            return 0;
        }

        double low = drawn.Min();
        double high = drawn.Max();
        double pad = 0.1 * (high > low ? high - low : 1);
        return higherIsBetter ? low - pad : high + pad;
    }

    private static void Validate(IReadOnlyList<SensitivitySeries> series, double? target)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("series is empty: give one SensitivitySeries per optimizer", nameof(series));
        }

        foreach (var line in series)
        {
            if (line.Points.Count == 0)
            {
                throw new ArgumentException($"series '{line.Label}' has no points: give one (learning rate, metric) per tuning trial", nameof(series));
            }

            foreach (var (lr, _) in line.Points)
            {
                if (!double.IsFinite(lr) || lr <= 0)
                {
                    throw new ArgumentException(
                        $"series '{line.Label}' has learning rate {lr.ToString(CultureInfo.InvariantCulture)}: learning rates are drawn on a log axis and must be positive and finite",
                        nameof(series));
                }
            }
        }

        if (target is { } t && !double.IsFinite(t))
        {
            throw new ArgumentOutOfRangeException(nameof(target), t, $"target {t.ToString(CultureInfo.InvariantCulture)} must be finite, or null for no target line");
        }
    }
}
