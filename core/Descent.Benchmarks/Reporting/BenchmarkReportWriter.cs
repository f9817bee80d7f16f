namespace Descent.Benchmarks.Reporting;

/// <summary>Writes a benchmark's report into a folder: <c>index.html</c> (self-contained), <c>report.md</c> and the PNG pictures.</summary>
public static class BenchmarkReportWriter
{
    /// <summary>The page's file name.</summary>
    public const string HtmlFile = "index.html";

    /// <summary>The Markdown file's name.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>Writes the report of <paramref name="scores"/> into <paramref name="directory"/> (created when missing).</summary>
    public static BenchmarkReportFiles Write(BenchmarkScores scores, string directory)
    {
        ArgumentNullException.ThrowIfNull(scores);
        string full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        var pictures = BenchmarkPictures.Write(scores, full);
        var blocks = BenchmarkReport.Blocks(scores, pictures);
        var file = scores.Plan.File;
        string markdown = Path.Combine(full, MarkdownFile);
        string html = Path.Combine(full, HtmlFile);
        File.WriteAllText(markdown, BenchmarkMarkdown.Write(file.Name, file.Description, blocks));
        File.WriteAllText(html, BenchmarkHtml.Write(file.Name, file.Description, blocks, name => File.ReadAllBytes(Path.Combine(full, name))));
        return new BenchmarkReportFiles(full, html, markdown, pictures.Values.Select(p => Path.Combine(full, p.FileName)).ToArray());
    }
}
