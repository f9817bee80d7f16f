using System.Text;

namespace Descent.Benchmarks.Reporting;

/// <summary>A benchmark report as Markdown, its pictures as relative links to the PNG files beside it.</summary>
public static class BenchmarkMarkdown
{
    /// <summary>The text.</summary>
    public static string Write(string title, string? description, IEnumerable<ReportBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var md = new StringBuilder().Append("# ").Append(Text(title)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(description))
        {
            md.Append(Text(description.Trim())).Append("\n\n");
        }

        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    md.Append(new string('#', h.Level)).Append(' ').Append(Text(h.Text)).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    md.Append(p.Note ? "> " : "").Append(Text(p.Text)).Append("\n\n");
                    break;
                case TableBlock t:
                    md.Append("| ").Append(string.Join(" | ", t.Header.Select(Cell))).Append(" |\n|");
                    md.Append(string.Join("|", t.Header.Select((_, i) => t.Numeric.Contains(i) ? "---:" : "---"))).Append("|\n");
                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                    }

                    md.Append('\n');
                    if (t.Caption is { } caption)
                    {
                        md.Append('*').Append(Text(caption)).Append("*\n\n");
                    }

                    break;
                case PictureBlock picture:
                    md.Append("![").Append(Text(picture.Title)).Append("](").Append(picture.FileName).Append(")\n\n*").Append(Text(picture.Caption)).Append("*\n\n");
                    break;
            }
        }

        return md.ToString();
    }

    private static string Cell(string text) => Text(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Text(string text) => text.Replace("\n", " ", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);
}
