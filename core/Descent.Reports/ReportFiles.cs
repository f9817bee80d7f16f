namespace Descent.Reports;

/// <summary>The files a report wrote.</summary>
/// <param name="Directory">Where they are.</param>
/// <param name="Html">The self-contained HTML page (<c>index.html</c>).</param>
/// <param name="Markdown">The Markdown summary (<c>report.md</c>), linking the PNG files next to it.</param>
/// <param name="Pictures">The PNG files.</param>
public sealed record ReportFiles(string Directory, string Html, string Markdown, IReadOnlyList<string> Pictures)
{
    /// <summary>The folder the files go to among a parent run's artifacts.</summary>
    public const string ArtifactFolder = "report";

    /// <summary>Every file: the page, the summary, the pictures.</summary>
    public IReadOnlyList<string> All => [Html, Markdown, .. Pictures];

    /// <summary>Each file with its artifact path (<c>report/index.html</c>, <c>report/loss-1.png</c>), for a parent run.</summary>
    public IReadOnlyList<(string LocalFile, string ArtifactPath)> Artifacts() =>
        All.Select(f => (f, $"{ArtifactFolder}/{Path.GetFileName(f)}")).ToArray();
}
