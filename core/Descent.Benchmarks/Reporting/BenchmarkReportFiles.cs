namespace Descent.Benchmarks.Reporting;

/// <summary>What a benchmark report wrote.</summary>
/// <param name="Directory">The folder.</param>
/// <param name="Html">The self-contained page.</param>
/// <param name="Markdown">The Markdown version.</param>
/// <param name="Pictures">The PNG files.</param>
public sealed record BenchmarkReportFiles(string Directory, string Html, string Markdown, IReadOnlyList<string> Pictures)
{
    /// <summary>The folder of the parent run's artifacts the report goes to.</summary>
    public const string ArtifactFolder = "report";

    /// <summary>The files as (local file, artifact path) for the parent run.</summary>
    public IReadOnlyList<(string LocalFile, string ArtifactPath)> Artifacts() =>
        [.. new[] { Html, Markdown }.Concat(Pictures).Select(f => (f, $"{ArtifactFolder}/{Path.GetFileName(f)}"))];
}
