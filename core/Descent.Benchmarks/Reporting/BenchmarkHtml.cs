using System.Net;
using System.Text;
using Descent.Reports.Writing;

namespace Descent.Benchmarks.Reporting;

/// <summary>A benchmark report as one self-contained HTML page (the sweep report's style; pictures embedded as <c>data:</c> URIs, no scripts).</summary>
public static class BenchmarkHtml
{
    /// <summary>The page; <paramref name="readPicture"/> returns a picture file's bytes by name.</summary>
    public static string Write(string title, string? description, IEnumerable<ReportBlock> blocks, Func<string, byte[]> readPicture)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(readPicture);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E($"{title}: benchmark report")).Append("</title>\n<style>\n").Append(HtmlReportWriter.Style).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(description))
        {
            html.Append("<p class=\"description\">").Append(E(description.Trim())).Append("</p>\n");
        }

        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    html.Append("<h").Append(h.Level).Append('>').Append(E(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case ParagraphBlock p:
                    html.Append(p.Note ? "<p class=\"note\">" : "<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case TableBlock t:
                    html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
                    for (int i = 0; i < t.Header.Count; i++)
                    {
                        html.Append(t.Numeric.Contains(i) ? "<th class=\"num\">" : "<th>").Append(E(t.Header[i])).Append("</th>");
                    }

                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (int i = 0; i < row.Count; i++)
                        {
                            html.Append(t.Numeric.Contains(i) ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody></table></div>\n");
                    if (t.Caption is { } caption)
                    {
                        html.Append("<p class=\"caption\">").Append(E(caption)).Append("</p>\n");
                    }

                    break;
                case PictureBlock picture:
                    html.Append("<figure><img alt=\"").Append(E(picture.Title)).Append("\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(readPicture(picture.FileName))).Append("\"><figcaption>")
                        .Append(E(picture.Caption)).Append("</figcaption></figure>\n");
                    break;
            }
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
