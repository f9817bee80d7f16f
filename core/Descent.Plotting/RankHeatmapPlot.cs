using System.Globalization;
using ScottPlot;

namespace Descent.Plotting;

/// <summary>
/// Each optimizer's rank on each workload as a table of coloured cells: a row per workload and a final
/// "mean" row (the mean of its ranks, unranked workloads left out), a column per optimizer, every cell
/// written with its rank. Darker blue is better: rank 1 is the darkest cell; the best of each row is in bold, the last
/// rank the palest. An unranked cell (NaN) is grey with "-".
/// </summary>
public static class RankHeatmapPlot
{
    /// <summary>The label of the mean row.</summary>
    public const string MeanRow = "mean";

    // ColorBrewer's sequential "Blues" (9 classes), palest first, as matplotlib's Blues colormap.
    private static readonly Color[] Blues =
    [
        Color.FromHex("#f7fbff"), Color.FromHex("#deebf7"), Color.FromHex("#c6dbef"), Color.FromHex("#9ecae1"), Color.FromHex("#6baed6"),
        Color.FromHex("#4292c6"), Color.FromHex("#2171b5"), Color.FromHex("#08519c"), Color.FromHex("#08306b"),
    ];

    private static readonly Color Unranked = Color.FromHex("#bdbdbd");

    // The mean row sits this far (in rows) below the last workload, set apart from the per-workload ranks.
    private const double MeanGap = 0.25;

    /// <summary>Builds the picture.</summary>
    /// <param name="workloads">Row labels, top to bottom.</param>
    /// <param name="optimizers">Column labels, left to right.</param>
    /// <param name="ranks">ranks[w][o]: optimizer o's rank on workload w, 1 = best, ties fractional (1.5), NaN = unranked.</param>
    /// <param name="title">The title.</param>
    public static Plot Create(IReadOnlyList<string> workloads, IReadOnlyList<string> optimizers, double[][] ranks, string title)
    {
        Validate(workloads, optimizers, ranks);
        var plot = new Plot();
        plot.Title(PlotStyle.Title(title), size: 14);
        plot.XLabel("optimizer (darker = better rank, 1 = best)");
        var rows = ranks.Append(MeanRanks(ranks)).ToArray();
        var centers = Enumerable.Range(0, rows.Length).Select(r => RowCenter(r, workloads.Count)).ToArray();
        for (int r = 0; r < rows.Length; r++)
        {
            double best = rows[r].Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Min();
            for (int o = 0; o < optimizers.Count; o++)
            {
                double rank = rows[r][o];
                double shade = double.IsNaN(rank) ? double.NaN : CellShade(rank, optimizers.Count);
                var cell = plot.Add.Rectangle(o - 0.5, o + 0.5, centers[r] - 0.5, centers[r] + 0.5);
                cell.FillColor = double.IsNaN(shade) ? Unranked : Shade(shade);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1.5f;
                var text = plot.Add.Text(Label(rank), o, centers[r]);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 13;
                text.LabelBold = rank == best;
                text.LabelFontColor = shade > 0.55 ? Colors.White : Colors.Black;
            }
        }

        plot.Axes.Left.SetTicks(centers, workloads.Append(MeanRow).ToArray());
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, optimizers.Count).Select(o => (double)o).ToArray(), optimizers.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, optimizers.Count - 0.5, centers[^1] - 0.5, 0.5);
        return plot;
    }

    /// <summary>Builds the picture and writes it as PNG, <see cref="WidthFor"/> x <see cref="HeightFor"/>.</summary>
    public static void SavePng(string file, IReadOnlyList<string> workloads, IReadOnlyList<string> optimizers, double[][] ranks, string title) =>
        PngFile.Save(Create(workloads, optimizers, ranks, title), file, WidthFor(optimizers?.Count ?? 0), HeightFor(workloads?.Count ?? 0));

    /// <summary>The picture's width: <see cref="PlotStyle.Width"/>, wider past seven optimizers (90 px a column).</summary>
    public static int WidthFor(int optimizers) => Math.Max(PlotStyle.Width, 90 * optimizers + 200);

    /// <summary>The picture's height: <see cref="PlotStyle.PanelHeight"/>, taller past five workloads (40 px a row, the mean row included).</summary>
    public static int HeightFor(int workloads) => Math.Max(PlotStyle.PanelHeight, 40 * (workloads + 1) + 150);

    /// <summary>Each optimizer's mean rank over the workloads that ranked it (NaN left out); NaN when none did.</summary>
    public static double[] MeanRanks(double[][] ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        int columns = ranks.Length == 0 ? 0 : ranks[0].Length;
        return Enumerable.Range(0, columns)
            .Select(o => ranks.Select(row => row[o]).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average())
            .ToArray();
    }

    /// <summary>How dark a rank's cell is, from 1 (rank 1, the best) down to 0 (rank <paramref name="optimizers"/>, the worst), linear in between.</summary>
    public static double CellShade(double rank, int optimizers) => optimizers <= 1 ? 1 : (optimizers - rank) / (optimizers - 1);

    /// <summary>A cell's text: the rank with at most two decimals (<c>2</c>, <c>1.5</c>, <c>3.33</c>), "-" when unranked.</summary>
    public static string Label(double rank) => double.IsNaN(rank) ? "-" : rank.ToString("0.##", CultureInfo.InvariantCulture);

    private static double RowCenter(int row, int workloads) => row < workloads ? -row : -row - MeanGap;

    private static Color Shade(double shade)
    {
        // Stay off the palest class so that the worst rank is still visibly a cell.
        double t = (0.08 + (0.92 * Math.Clamp(shade, 0, 1))) * (Blues.Length - 1);
        int i = Math.Min((int)t, Blues.Length - 2);
        return Blues[i].MixedWith(Blues[i + 1], (float)(t - i));
    }

    private static void Validate(IReadOnlyList<string> workloads, IReadOnlyList<string> optimizers, double[][] ranks)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(optimizers);
        ArgumentNullException.ThrowIfNull(ranks);
        if (workloads.Count == 0)
        {
            throw new ArgumentException("workloads is empty: give one row label per workload", nameof(workloads));
        }

        if (optimizers.Count == 0)
        {
            throw new ArgumentException("optimizers is empty: give one column label per optimizer", nameof(optimizers));
        }

        if (ranks.Length != workloads.Count)
        {
            throw new ArgumentException($"ranks has {ranks.Length} rows but there are {workloads.Count} workloads: give one row of ranks per workload", nameof(ranks));
        }

        for (int w = 0; w < ranks.Length; w++)
        {
            if (ranks[w] is null || ranks[w].Length != optimizers.Count)
            {
                throw new ArgumentException(
                    $"ranks row {w} ('{workloads[w]}') has {ranks[w]?.Length ?? 0} ranks but there are {optimizers.Count} optimizers: give one rank per optimizer",
                    nameof(ranks));
            }

            for (int o = 0; o < optimizers.Count; o++)
            {
                double rank = ranks[w][o];
                if (!double.IsNaN(rank) && !(rank >= 1 && rank <= optimizers.Count))
                {
                    throw new ArgumentException(
                        $"rank of '{optimizers[o]}' on '{workloads[w]}' is {rank.ToString(CultureInfo.InvariantCulture)}: a rank is between 1 (best) and {optimizers.Count} (the number of optimizers), or NaN when unranked",
                        nameof(ranks));
                }
            }
        }
    }
}
