using System.Collections.Concurrent;
using System.Text;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Parsed files shared by every trial of the process, so a sweep of many trials reads and parses a file
/// once. Keyed by full path and <see cref="TableFormat"/>; an entry is used only while the file keeps the
/// length and modification time it had when read, so an edited file is read again. Holds plain arrays,
/// never tensors: each dataset makes its own. Thread-safe; concurrent first requests parse once.
/// </summary>
public static class ParsedFileCache
{
    private static readonly ConcurrentDictionary<(string Path, string Format), Entry> Entries = new();

    /// <summary>The parsed file at <paramref name="path"/>.</summary>
    /// <exception cref="TableFormatException">The file is not a table in <paramref name="format"/>; nothing is cached.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ParsedFile Get(string path, TableFormat format)
    {
        string fullPath = Path.GetFullPath(path);
        var key = (fullPath, format.Key);
        var stamp = Stamp.Of(fullPath);
        var entry = Entries.AddOrUpdate(
            key,
            _ => new Entry(stamp, fullPath, format),
            (_, old) => old.Stamp == stamp ? old : new Entry(stamp, fullPath, format));
        try
        {
            return entry.File.Value;
        }
        catch
        {
            // Failures are not kept: the next trial reads the (perhaps fixed) file again.
            Entries.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
            throw;
        }
    }

    private static ParsedFile Read(string fullPath, TableFormat format)
    {
        byte[] bytes = File.ReadAllBytes(fullPath);
        string sha256 = FileSha256.Of(bytes);
        var table = NumericTableParser.Parse(Encoding.UTF8.GetString(bytes), format);
        return new ParsedFile(fullPath, sha256, table);
    }

    private readonly record struct Stamp(long Length, DateTime LastWriteUtc)
    {
        public static Stamp Of(string path)
        {
            var info = new FileInfo(path);
            return new Stamp(info.Length, info.LastWriteTimeUtc);
        }
    }

    private sealed class Entry(Stamp stamp, string fullPath, TableFormat format)
    {
        public Stamp Stamp { get; } = stamp;

        public Lazy<ParsedFile> File { get; } = new(() => Read(fullPath, format), LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
