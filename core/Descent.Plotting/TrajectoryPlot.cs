using ScottPlot;

namespace Descent.Plotting;

/// <summary>
/// The path an optimizer took on an analytic objective, as the chapter draws it: in 2-D the contour
/// lines of f with the iterates joined over them (<c>show_trace_2d</c>); in 1-D the curve f with the
/// iterates on it (<c>show_trace</c>).
/// </summary>
public static class TrajectoryPlot
{
    /// <summary>Number of contour levels in 2-D.</summary>
    public const int ContourLevels = 12;

    /// <summary>Draws <paramref name="path"/> (points with the surface's dimension, and f at each) over <paramref name="surface"/>.</summary>
    public static Plot Create(SurfaceSample surface, IReadOnlyList<IReadOnlyList<double>> path, IReadOnlyList<double> values, string title) =>
        Create(surface, [new TrajectoryPath("", path, values)], title);

    /// <summary>
    /// Draws several paths over <paramref name="surface"/> (e.g. one per seed): the first in orange, the
    /// others in the next palette colours, with a legend when they are labeled.
    /// </summary>
    public static Plot Create(SurfaceSample surface, IReadOnlyList<TrajectoryPath> paths, string title, float titleSize = 14)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(paths);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: titleSize);
        if (surface.Dimension == 2)
        {
            DrawContours(plot, surface);
            plot.XLabel("x1");
            plot.YLabel("x2");
        }
        else
        {
            var curve = plot.Add.ScatterLine(surface.X1, surface.Values, PlotStyle.Blue);
            curve.LineWidth = 1.5f;
            plot.XLabel("x");
            plot.YLabel("f(x)");
        }

        for (int p = 0; p < paths.Count; p++)
        {
            var path = paths[p];
            var color = p == 0 ? PlotStyle.Orange : PlotStyle.Palette[(p + 1) % PlotStyle.Palette.Count].WithAlpha(0.8);
            var ys = surface.Dimension == 2 ? path.Points.Select(q => q[1]).ToArray() : path.Values.ToArray();
            var line = plot.Add.Scatter(path.Points.Select(q => q[0]).ToArray(), ys, color);
            Style(line, path.Points.Count);
            if (!string.IsNullOrEmpty(path.Label) && paths.Count > 1)
            {
                line.LegendText = path.Label;
            }
        }

        if (paths.Count > 1 && paths.Any(p => !string.IsNullOrEmpty(p.Label)))
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        if (surface.Dimension == 2)
        {
            plot.Axes.SetLimits(surface.X1[0], surface.X1[^1], surface.X2![0], surface.X2[^1]);
        }

        return plot;
    }

    /// <summary>Creates the picture and writes it as PNG.</summary>
    public static void SavePng(string file, SurfaceSample surface, IReadOnlyList<IReadOnlyList<double>> path, IReadOnlyList<double> values, string title) =>
        PngFile.Save(Create(surface, path, values, title), file);

    /// <summary>
    /// Contour lines at quantiles of the sampled values, so that the levels follow the function's shape
    /// (evenly spread for a bowl, dense along a valley floor) without per-function tuning.
    /// </summary>
    public static void DrawContours(Plot plot, SurfaceSample surface)
    {
        var grid = new Coordinates3d[surface.X2!.Length, surface.X1.Length];
        for (int j = 0; j < surface.X2.Length; j++)
        {
            for (int i = 0; i < surface.X1.Length; i++)
            {
                grid[j, i] = new Coordinates3d(surface.X1[i], surface.X2[j], surface.At(i, j));
            }
        }

        var contours = plot.Add.ContourLines(grid, ContourLevels);
        contours.ContourLineLevels = Levels(surface.Values, ContourLevels);
        contours.Update(grid);
        contours.LineColor = PlotStyle.Blue;
        contours.LineWidth = 1;
        contours.LabelStyle.IsVisible = false;
    }

    /// <summary><paramref name="count"/> distinct levels at evenly spaced quantiles of the finite values.</summary>
    public static double[] Levels(IReadOnlyList<double> values, int count)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        return Enumerable.Range(1, count)
            .Select(k => sorted[(int)Math.Min(sorted.Length - 1, Math.Round((double)k / (count + 1) * (sorted.Length - 1)))])
            .Distinct()
            .ToArray();
    }

    private static void Style(ScottPlot.Plottables.Scatter line, int points)
    {
        line.LineWidth = 1.5f;
        line.MarkerSize = points switch { <= 60 => 6, <= 200 => 3, _ => 0 };
        line.MarkerShape = MarkerShape.FilledCircle;
    }
}
