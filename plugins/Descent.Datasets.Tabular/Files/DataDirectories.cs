using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>Finding a file in the trial's data directories.</summary>
public static class DataDirectories
{
    /// <summary>The directories searched, in order: <see cref="DataLocations.SearchDirectories"/>, then the cache directory when it is not among them.</summary>
    public static IReadOnlyList<string> Searched(DataLocations data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var directories = data.SearchDirectories.Select(Path.GetFullPath).ToList();
        if (data.CacheDirectory is { } cache && !directories.Contains(Path.GetFullPath(cache), StringComparer.Ordinal))
        {
            directories.Add(Path.GetFullPath(cache));
        }

        return directories;
    }

    /// <summary>The first existing file called <paramref name="relativePath"/> in <paramref name="directories"/>, or null.</summary>
    public static string? Find(string relativePath, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, relativePath)).FirstOrDefault(File.Exists);

    /// <summary>The directories as an indented list, one per line, for messages.</summary>
    public static string List(IReadOnlyList<string> directories) =>
        directories.Count == 0
            ? "  (no data directories are set)"
            : string.Join(Environment.NewLine, directories.Select(d => $"  {d}"));
}
