using System.Net;
using System.Text;
using Descent.Reports.Pictures;
using Descent.Reports.Statistics;

namespace Descent.Reports.Writing;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, pictures embedded as <c>data:</c> URIs, no
/// scripts and no requests to anything else, so it can be mailed, attached to a run, or opened offline.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The page's inline CSS (the benchmark report uses it too).</summary>
    internal const string Style = """
        :root { color-scheme: light; --ink: #1d232a; --muted: #5b6570; --rule: #d8dde3; --band: #f4f6f8; --accent: #1f77b4; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
        h1 { font-size: 1.8em; margin: 0 0 4px; }
        h2 { font-size: 1.3em; margin: 40px 0 8px; padding-top: 8px; border-top: 2px solid var(--rule); }
        h3 { font-size: 1.05em; margin: 24px 0 8px; color: var(--muted); }
        p { margin: 6px 0 12px; }
        code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--band); padding: 1px 4px; border-radius: 3px; }
        .description { color: var(--muted); font-size: 1.05em; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 16px 0; padding: 12px 16px; background: var(--band); border-radius: 6px; }
        dl.meta dt { font-weight: 600; color: var(--muted); }
        dl.meta dd { margin: 0; overflow-wrap: anywhere; }
        .note { border-left: 4px solid var(--accent); padding: 6px 12px; background: #f0f6fb; }
        .warning { border-left: 4px solid #d62728; padding: 6px 12px; background: #fcf0f0; }
        nav ol { margin: 4px 0; padding-left: 22px; }
        a { color: var(--accent); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.93em; }
        th, td { padding: 4px 9px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
        td.text { white-space: normal; min-width: 9em; }
        th { background: var(--band); font-weight: 600; position: sticky; top: 0; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        td.alert { color: #b01e1e; font-weight: 600; }
        tr.best td { font-weight: 700; }
        p.caption { color: var(--muted); font-size: 0.9em; margin-top: -4px; }
        figure { margin: 12px 0 20px; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
        figcaption { color: var(--muted); font-size: 0.9em; margin-top: 4px; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
        .panels figure { margin: 0; }
        ul.left-out { padding-left: 20px; }
        footer { margin-top: 48px; color: var(--muted); font-size: 0.85em; }
        """;

    /// <summary>The page; <paramref name="readPicture"/> returns a picture file's bytes by name.</summary>
    public static string Write(SweepReport report, Func<string, byte[]> readPicture)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(readPicture);
        var html = new StringBuilder();
        string name = report.Runs.SweepName ?? report.Runs.Experiment.Name;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"{name}: sweep report")).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n");
        Header(html, report, name);
        Contents(html, report);
        foreach (var group in report.Groups)
        {
            Group(html, report, group, readPicture);
        }

        LeftOut(html, report);
        html.Append("<footer>Made by <code>descent report</code> from the runs in the tracking store; the PNG files and <code>report.md</code> lie next to this page.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, SweepReport report, string name)
    {
        var runs = report.Runs;
        html.Append("<h1>").Append(E(name)).Append("</h1>\n");
        if (runs.Description is { } description)
        {
            html.Append("<p class=\"description\">").Append(E(description)).Append("</p>\n");
        }

        html.Append("<dl class=\"meta\">\n");
        foreach (var (term, value) in ReportHeader.Items(report))
        {
            html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
        }

        html.Append("</dl>\n");
        if (ReportHeader.Incomplete(report) is { } incomplete)
        {
            html.Append("<p class=\"warning\">").Append(E(incomplete)).Append("</p>\n");
        }

        html.Append("<p class=\"note\">").Append(E(SweepReport.HowToRead)).Append("</p>\n");
    }

    private static void Contents(StringBuilder html, SweepReport report)
    {
        if (report.Groups.Count < 2 && report.LeftOut.Count == 0)
        {
            return;
        }

        html.Append("<nav><strong>Contents</strong><ol>\n");
        foreach (var group in report.Groups)
        {
            html.Append("<li><a href=\"#group-").Append(group.Number).Append("\">").Append(E(group.Title)).Append("</a></li>\n");
        }

        html.Append("<li><a href=\"#left-out\">Left out</a></li>\n</ol></nav>\n");
    }

    private static void Group(StringBuilder html, SweepReport report, RunGroup group, Func<string, byte[]> readPicture)
    {
        html.Append("<section id=\"group-").Append(group.Number).Append("\">\n<h2>").Append(group.Number).Append(". ").Append(E(group.Title)).Append("</h2>\n");
        // A long table (a search) would push its pictures far down: they come first there.
        bool picturesFirst = group.Configurations.Count > ReportTable.LongTable;
        if (!picturesFirst)
        {
            Tables(html, group);
        }

        foreach (var picture in report.PicturesOf(group, PictureKind.LossCurves).Concat(report.PicturesOf(group, PictureKind.AccuracyCurves))
                     .Concat(report.PicturesOf(group, PictureKind.LearningRate)))
        {
            Figure(html, picture, readPicture, caption: true);
        }

        if (picturesFirst)
        {
            Tables(html, group);
        }

        var panels = report.PicturesOf(group, PictureKind.Trajectory).ToArray();
        if (panels.Length > 0)
        {
            html.Append("<h3>Trajectories</h3>\n<p class=\"caption\">").Append(E(panels[0].Caption)).Append("</p>\n<div class=\"panels\">\n");
            foreach (var panel in panels)
            {
                Figure(html, panel, readPicture, caption: false);
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>The group's loss table, and for a classification group its accuracy table with how to read it.</summary>
    private static void Tables(StringBuilder html, RunGroup group)
    {
        Table(html, ReportTable.Of(group));
        if (AccuracyTable.Of(group) is { } accuracy)
        {
            html.Append("<h3>Accuracy</h3>\n");
            Table(html, accuracy);
            html.Append("<p class=\"caption\">").Append(E(AccuracyTable.HowToRead)).Append("</p>\n");
        }
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (int c = 0; c < table.Header.Count; c++)
        {
            html.Append(table.NumericColumns.Contains(c) ? "<th class=\"num\">" : "<th>").Append(E(table.Header[c])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            html.Append(r == table.BestRow ? $"<tr class=\"best\" title=\"{E(table.BestMeaning)}\">" : "<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                bool alert = table.Header[c] is "diverged" or "failed" && row[c] != "0";
                string css = (table.NumericColumns.Contains(c) ? "num" : "text") + (alert ? " alert" : "");
                html.Append($"<td class=\"{css}\">").Append(E(row[c])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static void Figure(StringBuilder html, ReportPicture picture, Func<string, byte[]> readPicture, bool caption)
    {
        html.Append("<figure><img alt=\"").Append(E(picture.Title)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(readPicture(picture.FileName))).Append("\">");
        if (caption)
        {
            html.Append("<figcaption>").Append(E(picture.Caption)).Append("</figcaption>");
        }

        html.Append("</figure>\n");
    }

    private static void LeftOut(StringBuilder html, SweepReport report)
    {
        html.Append("<section id=\"left-out\">\n<h2>Left out</h2>\n");
        var lines = ReportLeftOut.Lines(report);
        if (lines.Count == 0)
        {
            html.Append("<p>Nothing: every run finished and counts.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"left-out\">\n");
            foreach (string line in lines)
            {
                html.Append("<li>").Append(E(line)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
