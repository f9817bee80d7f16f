using System.Globalization;
using Descent.Reports.Statistics;

namespace Descent.Reports.Writing;

/// <summary>
/// A group's table as text cells, one row per configuration, shared by the HTML and Markdown writers so
/// that both show the same numbers. Data groups get seconds per epoch; groups of 1-D or 2-D analytic
/// objectives get the final point of the first counted seed (to compare with the chapter's printed values).
/// </summary>
/// <param name="Header">Column titles.</param>
/// <param name="Rows">One row of cells per configuration.</param>
/// <param name="NumericColumns">Indexes of the columns that hold numbers (aligned right).</param>
/// <param name="BestRow">The row with the lowest mean final loss (shown in bold), or null when no row has one or the table has one row.</param>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> NumericColumns, int? BestRow)
{
    /// <summary>Above this many rows a table counts as long (its group's pictures are shown before it).</summary>
    public const int LongTable = 20;

    /// <summary>What <see cref="BestRow"/> is best in (the HTML page's tooltip).</summary>
    public string BestMeaning { get; init; } = "lowest mean final loss";

    /// <summary>The column of the mean final loss.</summary>
    public const int MeanColumn = 2;

    /// <summary>The table of <paramref name="group"/>.</summary>
    public static ReportTable Of(RunGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        bool point = !group.UsesData && group.TrajectoryDimension > 0;
        var header = new List<string> { "configuration", "runs", "final loss mean", "sd", "best", "worst", "diverged", "failed", group.UsesData ? "s / epoch" : "s / run" };
        if (point)
        {
            header.Add("final x (first seed)");
        }

        var rows = group.Configurations.Select(c => Row(c, group.UsesData, point)).ToArray();
        var ranked = group.Configurations.Select((c, i) => (Mean: c.Statistics.FinalLoss?.Mean, Index: i)).Where(x => x.Mean is not null).ToArray();
        int? best = rows.Length > 1 && ranked.Length > 0 ? ranked.MinBy(x => x.Mean!.Value).Index : null;
        return new ReportTable(header, rows, Enumerable.Range(1, 8).ToHashSet(), best);
    }

    private static IReadOnlyList<string> Row(ConfigurationResult configuration, bool usesData, bool point)
    {
        var s = configuration.Statistics;
        var row = new List<string>
        {
            configuration.DisplayLabel,
            s.Counted == s.Runs ? s.Runs.ToString(CultureInfo.InvariantCulture) : $"{s.Counted} of {s.Runs}",
            ReportNumbers.Loss(s.FinalLoss?.Mean),
            ReportNumbers.Spread(s.FinalLoss?.StandardDeviation),
            ReportNumbers.Loss(s.FinalLoss?.Min),
            ReportNumbers.Loss(s.FinalLoss?.Max),
            s.Diverged.ToString(CultureInfo.InvariantCulture),
            s.Failed.ToString(CultureInfo.InvariantCulture),
            ReportNumbers.Seconds(usesData ? s.SecondsPerEpoch : s.WallSeconds),
        };
        if (point)
        {
            var first = configuration.Runs.FirstOrDefault(r => r.Counts && r.Trajectory.Count > 0);
            row.Add(first is null ? ReportNumbers.None : $"({string.Join(", ", first.Trajectory.Points[^1].Select(ReportNumbers.Coordinate))})");
        }

        return row;
    }
}
