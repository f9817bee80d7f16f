using System.Text;
using Descent.Reports.Pictures;

namespace Descent.Reports.Writing;

/// <summary>
/// The report as Markdown: the same header, tables and left-out list as the HTML page, with the pictures
/// as links to the PNG files next to it (relative, so the folder can move or become run artifacts).
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>The summary's text.</summary>
    public static string Write(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").Append(Text(report.Runs.SweepName ?? report.Runs.Experiment.Name)).Append("\n\n");
        if (report.Runs.Description is { } description)
        {
            md.Append(Text(description)).Append("\n\n");
        }

        foreach (var (term, value) in ReportHeader.Items(report))
        {
            md.Append("- **").Append(term).Append(":** ").Append(Text(value)).Append('\n');
        }

        md.Append('\n');
        if (ReportHeader.Incomplete(report) is { } incomplete)
        {
            md.Append("> **").Append(Text(incomplete)).Append("**\n\n");
        }

        md.Append("> ").Append(Text(SweepReport.HowToRead)).Append("\n\n");
        foreach (var group in report.Groups)
        {
            md.Append("## ").Append(group.Number).Append(". ").Append(Text(group.Title)).Append("\n\n");
            Table(md, ReportTable.Of(group));
            if (AccuracyTable.Of(group) is { } accuracy)
            {
                md.Append("### Accuracy\n\n");
                Table(md, accuracy);
                md.Append('*').Append(Text(AccuracyTable.HowToRead)).Append("*\n\n");
            }

            foreach (var picture in report.PicturesOf(group, PictureKind.LossCurves).Concat(report.PicturesOf(group, PictureKind.AccuracyCurves))
                         .Concat(report.PicturesOf(group, PictureKind.LearningRate)))
            {
                md.Append("![").Append(Text(picture.Title)).Append("](").Append(picture.FileName).Append(")\n\n")
                  .Append('*').Append(Text(picture.Caption)).Append("*\n\n");
            }

            var panels = report.PicturesOf(group, PictureKind.Trajectory).ToArray();
            if (panels.Length > 0)
            {
                md.Append("Trajectories (").Append(Text(panels[0].Caption.TrimEnd('.'))).Append("): ")
                  .Append(string.Join(" · ", panels.Select(p => $"[{Text(p.Title)}]({p.FileName})")))
                  .Append("\n\n");
            }
        }

        md.Append("## Left out\n\n");
        var lines = ReportLeftOut.Lines(report);
        if (lines.Count == 0)
        {
            md.Append("Nothing: every run finished and counts.\n");
        }

        foreach (string line in lines)
        {
            md.Append("- ").Append(Text(line)).Append('\n');
        }

        return md.ToString();
    }

    private static void Table(StringBuilder md, ReportTable table)
    {
        md.Append("| ").Append(string.Join(" | ", table.Header.Select(Cell))).Append(" |\n");
        md.Append('|').Append(string.Join("|", table.Header.Select((_, c) => table.NumericColumns.Contains(c) ? "---:" : "---"))).Append("|\n");
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r].Select(Cell).ToArray();
            if (r == table.BestRow)
            {
                cells[ReportTable.MeanColumn] = $"**{cells[ReportTable.MeanColumn]}**";
            }

            md.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>A table cell: pipes escaped, Markdown's emphasis characters left literal.</summary>
    private static string Cell(string text) => Text(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text with the characters that would turn into emphasis or HTML escaped (x^2 and a*b stay as written).</summary>
    private static string Text(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
