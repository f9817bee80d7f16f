using System.Collections.Concurrent;

namespace Descent.Datasets.Images;

/// <summary>
/// Parsed IDX files, kept for the process: a sweep's trials read and decompress each file once. A file
/// is read again when its size or modification time changed.
/// </summary>
public static class IdxArrayCache
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified, int Dimensions), Lazy<IdxArray>> Arrays = new();

    /// <summary>The parsed file.</summary>
    /// <exception cref="IdxFormatException">The file is damaged (not cached).</exception>
    public static IdxArray Get(string path, int dimensions)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc, dimensions);
        var lazy = Arrays.GetOrAdd(key, k => new Lazy<IdxArray>(() => IdxFile.Read(k.Path, k.Dimensions)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Arrays.TryRemove(key, out _);
            throw;
        }
    }
}
