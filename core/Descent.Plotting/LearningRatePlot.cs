using ScottPlot;
using ScottPlot.TickGenerators;

namespace Descent.Plotting;

/// <summary>
/// Final loss against learning rate on a logarithmic lr axis, one colour per optimizer: a point per run
/// and a line through the mean at each learning rate. The loss axis stops at a ceiling (the report passes
/// the initial loss): a run that ended above it made things worse, and is a triangle on the ceiling, so
/// that one exploding run does not flatten every other point. Runs that diverged have no loss at all;
/// they are crosses on a dashed line above the ceiling. The loss axis turns logarithmic when the drawn
/// losses span more than three decades.
/// </summary>
public static class LearningRatePlot
{
    /// <summary>Builds the picture.</summary>
    /// <param name="series">One per optimizer.</param>
    /// <param name="title">The title.</param>
    /// <param name="ceiling">Highest loss drawn as it is; null for the largest finite loss.</param>
    public static Plot Create(IReadOnlyList<LearningRateSeries> series, string title, double? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        plot.XLabel("learning rate (log scale)");
        var losses = series.SelectMany(s => s.Runs.Select(r => r.FinalLoss)).Where(double.IsFinite).ToArray();
        double top = ceiling is { } c && double.IsFinite(c) && losses.Any(v => v <= c) ? c : losses.DefaultIfEmpty(1).Max();
        var drawn = losses.Where(v => v <= top).Append(top).ToArray();
        bool logLoss = drawn.All(v => v > 0) && drawn.Max() / drawn.Min() > 1e3;
        plot.YLabel(logLoss ? "final loss (log scale)" : "final loss");
        Func<double, double> y = logLoss ? v => Math.Log10(Math.Min(v, top)) : v => Math.Min(v, top);
        double low = drawn.Select(y).Min();
        double high = y(top);
        double divergedAt = high + (0.08 * Math.Max(high - low, 1e-12));
        bool clipped = false;

        for (int s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var color = PlotStyle.Palette[s % PlotStyle.Palette.Count];
            var runs = line.Runs.Where(r => r.LearningRate > 0 && double.IsFinite(r.FinalLoss)).ToArray();
            var below = runs.Where(r => r.FinalLoss <= top).ToArray();
            var above = runs.Where(r => r.FinalLoss > top).ToArray();
            clipped |= above.Length > 0;
            if (below.Length > 0)
            {
                var points = plot.Add.ScatterPoints(below.Select(r => Math.Log10(r.LearningRate)).ToArray(), below.Select(r => y(r.FinalLoss)).ToArray(), color);
                points.MarkerSize = 6;
                points.MarkerShape = MarkerShape.FilledCircle;
            }

            if (above.Length > 0)
            {
                var points = plot.Add.ScatterPoints(above.Select(r => Math.Log10(r.LearningRate)).ToArray(), above.Select(_ => high).ToArray(), color);
                points.MarkerSize = 9;
                points.MarkerShape = MarkerShape.FilledTriangleUp;
            }

            if (runs.Length > 0)
            {
                var means = runs.GroupBy(r => r.LearningRate).OrderBy(g => g.Key).ToArray();
                var mean = plot.Add.ScatterLine(means.Select(g => Math.Log10(g.Key)).ToArray(), means.Select(g => y(g.Average(r => r.FinalLoss))).ToArray(), color);
                mean.LineWidth = 1.5f;
                mean.LegendText = line.Label;
            }

            var diverged = line.Diverged.Where(lr => lr > 0).ToArray();
            if (diverged.Length > 0)
            {
                var crosses = plot.Add.ScatterPoints(diverged.Select(Math.Log10).ToArray(), diverged.Select(_ => divergedAt).ToArray(), color);
                crosses.MarkerShape = MarkerShape.Eks;
                crosses.MarkerSize = 10;
                crosses.MarkerLineWidth = 2;
                if (runs.Length == 0)
                {
                    crosses.LegendText = line.Label;
                }
            }
        }

        if (clipped)
        {
            var rule = plot.Add.HorizontalLine(high, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Dotted);
            rule.LegendText = ceiling is null ? "ceiling" : "initial loss (triangles: ended above it)";
        }

        if (series.Any(s => s.Diverged.Count > 0))
        {
            var rule = plot.Add.HorizontalLine(divergedAt, 1, Colors.Gray, LinePattern.Dashed);
            rule.LegendText = "diverged (crosses)";
        }

        plot.ShowLegend(Edge.Right);
        plot.Axes.Bottom.TickGenerator = LogTicks();
        if (logLoss)
        {
            plot.Axes.Left.TickGenerator = LogTicks();
        }

        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG.</summary>
    public static void SavePng(string file, IReadOnlyList<LearningRateSeries> series, string title, double? ceiling = null) =>
        PngFile.Save(Create(series, title, ceiling), file, PlotStyle.WideWidth, PlotStyle.Height);

    private static NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = PlotStyle.PowerOfTen,
    };
}
