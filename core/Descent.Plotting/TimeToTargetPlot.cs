using System.Globalization;
using ScottPlot;

namespace Descent.Plotting;

/// <summary>
/// Time to reach the target, as grouped bars: one group per workload, one bar per optimizer (its median over
/// seeds, in the optimizer's colour) with an error bar from the lower to the upper quartile. A missed target
/// has no time: its bar is a short hatched stub labeled "missed". The time axis turns logarithmic when the
/// times span more than <see cref="LogDecades"/> decades, so that a fast workload's bars are not flattened by a slow one's.
/// </summary>
public static class TimeToTargetPlot
{
    /// <summary>Decades the times must span for a logarithmic time axis.</summary>
    public const double LogDecades = 2;

    private const double GroupWidth = 0.8;

    private static readonly Color MissedFill = Color.FromHex("#e0e0e0");

    /// <summary>Builds the picture.</summary>
    /// <param name="optimizers">The optimizers, in bar order (legend and colours follow it).</param>
    /// <param name="groups">One per workload, each with a bar per optimizer.</param>
    /// <param name="yLabel">Label of the time axis (e.g. <c>steps to target</c>).</param>
    /// <param name="title">The title.</param>
    public static Plot Create(IReadOnlyList<string> optimizers, IReadOnlyList<TimeToTargetGroup> groups, string yLabel, string title)
    {
        Validate(optimizers, groups);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        bool log = ShouldUseLog(groups);
        plot.YLabel(log ? $"{yLabel} (log scale)" : yLabel);
        Func<double, double> y = log ? Math.Log10 : v => v;
        var times = Times(groups).ToArray();
        double bottom = times.Length == 0 ? 0 : log ? LogBase(times.Min()) : 0;
        double top = times.Length == 0 ? 1 : y(times.Max());
        double stub = bottom + (0.035 * (top - bottom)); // short, so it is not read as a time
        double slot = GroupWidth / optimizers.Count;

        var bars = new List<Bar>();
        var whiskers = new List<(double X, double Low, double High, bool Capped)>();
        var missed = new List<double>();
        for (int g = 0; g < groups.Count; g++)
        {
            for (int o = 0; o < optimizers.Count; o++)
            {
                var bar = groups[g].Bars[o];
                double x = Position(g, o, optimizers.Count);
                var color = PlotStyle.Palette[o % PlotStyle.Palette.Count];
                bool hit = double.IsFinite(bar.Median);
                bars.Add(new Bar
                {
                    Position = x,
                    ValueBase = bottom,
                    Value = hit ? y(bar.Median) : stub,
                    Size = slot * 0.9,
                    FillColor = hit ? color : MissedFill,
                    FillHatch = hit ? null : new ScottPlot.Hatches.Striped(),
                    FillHatchColor = color,
                    LineWidth = hit ? 0 : 1,
                    LineColor = color,
                });
                if (!hit)
                {
                    missed.Add(x);
                }
                else if (double.IsFinite(bar.LowerQuartile) || double.IsFinite(bar.UpperQuartile))
                {
                    double low = double.IsFinite(bar.LowerQuartile) ? y(bar.LowerQuartile) : y(bar.Median);
                    bool capped = double.IsFinite(bar.UpperQuartile);
                    whiskers.Add((x, low, capped ? y(bar.UpperQuartile) : double.PositiveInfinity, capped));
                }
            }
        }

        plot.Add.Bars(bars);
        double ceiling = top + (0.08 * (top - bottom));
        foreach (var (x, low, high, capped) in whiskers)
        {
            DrawWhisker(plot, x, low, capped ? high : ceiling, slot * 0.35, capped);
        }

        foreach (double x in missed)
        {
            var text = plot.Add.Text("missed", x, stub);
            text.LabelFontSize = 12;
            text.LabelFontColor = Colors.Black.WithAlpha(0.85);
            text.LabelRotation = -90;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetY = -3;
        }

        plot.Legend.ManualItems.AddRange(optimizers.Select((name, o) => new LegendItem
        {
            LabelText = name,
            FillColor = PlotStyle.Palette[o % PlotStyle.Palette.Count],
        }));
        if (missed.Count > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "missed target", FillColor = MissedFill, FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = Colors.Gray, OutlineColor = Colors.Gray, OutlineWidth = 1 });
        }

        plot.ShowLegend(Edge.Right);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, groups.Count).Select(g => (double)g).ToArray(), groups.Select(g => g.Workload).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(-0.5, groups.Count - 0.5, bottom, ceiling + (0.02 * (top - bottom)));
        if (log)
        {
            plot.Axes.Left.TickGenerator = LogAxis.Ticks();
        }

        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG (<see cref="PlotStyle.WideWidth"/> x <see cref="PlotStyle.Height"/>).</summary>
    public static void SavePng(string file, IReadOnlyList<string> optimizers, IReadOnlyList<TimeToTargetGroup> groups, string yLabel, string title) =>
        PngFile.Save(Create(optimizers, groups, yLabel, title), file, PlotStyle.WideWidth, PlotStyle.Height);

    /// <summary>True when the finite times (medians and quartiles) are positive and span more than <see cref="LogDecades"/> decades.</summary>
    public static bool ShouldUseLog(IReadOnlyList<TimeToTargetGroup> groups) => LogAxis.Spans(Times(groups), LogDecades);

    /// <summary>
    /// The bottom of a logarithmic time axis, as an exponent: the power of ten at or below a quarter decade
    /// under the smallest time, so that the shortest bar still has a visible height.
    /// </summary>
    public static double LogBase(double smallest) => Math.Floor(Math.Log10(smallest) - 0.25);

    /// <summary>The centre of optimizer <paramref name="optimizer"/>'s bar in group <paramref name="group"/> (groups sit at 0, 1, 2, ...).</summary>
    public static double Position(int group, int optimizer, int optimizers) =>
        group - (GroupWidth / 2) + (GroupWidth / optimizers * (optimizer + 0.5));

    private static IEnumerable<double> Times(IReadOnlyList<TimeToTargetGroup> groups) =>
        groups.SelectMany(g => g.Bars)
            .Where(b => double.IsFinite(b.Median))
            .SelectMany(b => new[] { b.Median, b.LowerQuartile, b.UpperQuartile })
            .Where(double.IsFinite);

    private static void DrawWhisker(Plot plot, double x, double low, double high, double halfCap, bool capTop)
    {
        var color = Colors.Black.WithAlpha(0.8);
        var stem = plot.Add.Line(x, low, x, high);
        stem.LineColor = color;
        stem.LineWidth = 1.2f;
        foreach (double end in capTop ? new[] { low, high } : new[] { low })
        {
            var cap = plot.Add.Line(x - halfCap, end, x + halfCap, end);
            cap.LineColor = color;
            cap.LineWidth = 1.2f;
        }
    }

    private static void Validate(IReadOnlyList<string> optimizers, IReadOnlyList<TimeToTargetGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(optimizers);
        ArgumentNullException.ThrowIfNull(groups);
        if (optimizers.Count == 0)
        {
            throw new ArgumentException("optimizers is empty: name the optimizer of each bar", nameof(optimizers));
        }

        if (groups.Count == 0)
        {
            throw new ArgumentException("groups is empty: give one TimeToTargetGroup per workload", nameof(groups));
        }

        foreach (var group in groups)
        {
            if (group.Bars.Count != optimizers.Count)
            {
                throw new ArgumentException(
                    $"workload '{group.Workload}' has {group.Bars.Count} bars but there are {optimizers.Count} optimizers: give one bar per optimizer, in their order",
                    nameof(groups));
            }

            for (int o = 0; o < optimizers.Count; o++)
            {
                var bar = group.Bars[o];
                if (double.IsPositiveInfinity(bar.Median))
                {
                    continue;
                }

                if (!(bar.Median > 0) || double.IsNaN(bar.LowerQuartile) || double.IsNaN(bar.UpperQuartile)
                    || bar.LowerQuartile > bar.Median || bar.UpperQuartile < bar.Median)
                {
                    throw new ArgumentException(
                        $"workload '{group.Workload}' optimizer '{optimizers[o]}' has median {Text(bar.Median)} with quartiles {Text(bar.LowerQuartile)} to {Text(bar.UpperQuartile)}: "
                        + "a time is positive (+infinity for a missed target) and lower quartile <= median <= upper quartile",
                        nameof(groups));
                }
            }
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
