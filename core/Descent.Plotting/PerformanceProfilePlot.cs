using System.Globalization;
using ScottPlot;

namespace Descent.Plotting;

/// <summary>
/// Performance profiles (Dolan and Moré 2002, as AlgoPerf ranks its submissions): for each optimizer the
/// fraction rho(tau) of workloads on which its performance ratio is at most tau, drawn as an exact step
/// function over tau in [1, tauMax]. Higher and further left is better: rho(1) is the share of workloads it won.
/// A ratio above tauMax, or infinite (target missed), never lifts the curve.
/// </summary>
public static class PerformanceProfilePlot
{
    /// <summary>Builds the picture.</summary>
    /// <param name="series">One per optimizer, each with a ratio per workload.</param>
    /// <param name="tauMax">Right end of the tau axis; finite and above 1.</param>
    /// <param name="xLabel">Label of the tau axis (e.g. <c>tau: time / best time</c>).</param>
    /// <param name="title">The title.</param>
    public static Plot Create(IReadOnlyList<ProfileSeries> series, double tauMax, string xLabel, string title)
    {
        Validate(series, tauMax);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        plot.XLabel(xLabel);
        plot.YLabel("fraction of workloads with ratio <= tau");
        for (int s = 0; s < series.Count; s++)
        {
            var (tau, rho) = Steps(series[s].Ratios, tauMax);
            var line = plot.Add.ScatterLine(tau, rho, PlotStyle.Palette[s % PlotStyle.Palette.Count]);
            // Profiles often coincide (two optimizers that won the same workloads): earlier ones are drawn
            // wider, so a later line on top of one leaves its colour showing at both sides.
            line.LineWidth = LineWidth(s, series.Count);
            line.LegendText = LegendText(series[s]);
        }

        plot.ShowLegend(Edge.Right);
        plot.Axes.SetLimits(1, tauMax, -0.03, 1.03);
        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG (<see cref="PlotStyle.WideWidth"/> x <see cref="PlotStyle.Height"/>).</summary>
    public static void SavePng(string file, IReadOnlyList<ProfileSeries> series, double tauMax, string xLabel, string title) =>
        PngFile.Save(Create(series, tauMax, xLabel, title), file, PlotStyle.WideWidth, PlotStyle.Height);

    /// <summary>Width of series <paramref name="index"/>'s line: 3.5 px for the first, down to 1.5 px for the last.</summary>
    public static float LineWidth(int index, int count) => count <= 1 ? 2 : 3.5f - (2f * index / (count - 1));

    /// <summary>rho(tau): the fraction of <paramref name="ratios"/> that are at most <paramref name="tau"/>.</summary>
    public static double Fraction(IReadOnlyList<double> ratios, double tau)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        return ratios.Count == 0 ? 0 : (double)ratios.Count(r => r <= tau) / ratios.Count;
    }

    /// <summary>
    /// The corners of the step function rho over [1, <paramref name="tauMax"/>]: it starts at (1, rho(1)); at each
    /// distinct ratio r in (1, tauMax] it runs flat to (r, rho just below r) and rises to (r, rho(r)); it ends flat
    /// at (tauMax, rho(tauMax)) unless the last rise is at tauMax itself.
    /// </summary>
    public static (double[] Tau, double[] Rho) Steps(IReadOnlyList<double> ratios, double tauMax)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var tau = new List<double> { 1 };
        double current = Fraction(ratios, 1);
        var rho = new List<double> { current };
        foreach (double r in ratios.Where(r => r > 1 && r <= tauMax).Distinct().Order())
        {
            tau.Add(r);
            rho.Add(current);
            current = Fraction(ratios, r);
            tau.Add(r);
            rho.Add(current);
        }

        if (tau[^1] < tauMax)
        {
            tau.Add(tauMax);
            rho.Add(current);
        }

        return (tau.ToArray(), rho.ToArray());
    }

    /// <summary>The legend entry: <c>adam (score 0.83)</c>.</summary>
    public static string LegendText(ProfileSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        string score = double.IsFinite(series.Score) ? series.Score.ToString("0.00", CultureInfo.InvariantCulture) : "-";
        return $"{series.Label} (score {score})";
    }

    private static void Validate(IReadOnlyList<ProfileSeries> series, double tauMax)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("series is empty: give one ProfileSeries per optimizer", nameof(series));
        }

        if (!double.IsFinite(tauMax) || tauMax <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tauMax), tauMax, $"tauMax {tauMax.ToString(CultureInfo.InvariantCulture)} must be finite and above 1 (the best ratio)");
        }

        foreach (var line in series)
        {
            if (line.Ratios.Count == 0)
            {
                throw new ArgumentException($"series '{line.Label}' has no ratios: give one per workload", nameof(series));
            }

            if (line.Ratios.Count != series[0].Ratios.Count)
            {
                throw new ArgumentException(
                    $"series '{line.Label}' has {line.Ratios.Count} ratios but '{series[0].Label}' has {series[0].Ratios.Count}: give every optimizer one ratio per workload",
                    nameof(series));
            }

            for (int i = 0; i < line.Ratios.Count; i++)
            {
                if (double.IsNaN(line.Ratios[i]) || line.Ratios[i] < 1)
                {
                    throw new ArgumentException(
                        $"series '{line.Label}' ratio {i} is {line.Ratios[i].ToString(CultureInfo.InvariantCulture)}: a performance ratio is at least 1 (time / best time), or +infinity for a missed target",
                        nameof(series));
                }
            }
        }
    }
}
