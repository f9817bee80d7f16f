using System.Text;
using Descent.Tracking.Model;

namespace Descent.Tracking.FileStore;

/// <summary>
/// The FileStore's small files: params and tags (the raw value, no newline, written in place as MLflow
/// writes them), metric files (appended under an exclusive lock so that writers in several processes
/// never overwrite each other), and files replaced atomically (meta.yaml).
/// </summary>
internal static class ValueFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes a value file with <paramref name="mode"/> (<see cref="FileMode.Create"/>, or
    /// <see cref="FileMode.CreateNew"/> for a param); the directory is created only when missing.
    /// </summary>
    public static void Write(string file, string value, FileMode mode)
    {
        byte[] bytes = Utf8.GetBytes(value);
        FileRetry.Run(() =>
        {
            try
            {
                PosixFiles.Write(file, bytes, mode);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                PosixFiles.Write(file, bytes, mode);
            }
        });
    }

    /// <summary>The value in <paramref name="file"/>, or null when there is none.</summary>
    public static string? ReadOne(string file) => File.Exists(file) ? FileRetry.Run(() => File.ReadAllText(file, Encoding.UTF8)) : null;

    /// <summary>Every value under <paramref name="directory"/>, keyed by its path with <c>/</c> separators.</summary>
    public static Dictionary<string, string> ReadAll(string directory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return values;
        }

        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (!Path.GetFileName(file).StartsWith(".tmp-", StringComparison.Ordinal))
            {
                values[Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/')] = FileRetry.Run(() => File.ReadAllText(file, Encoding.UTF8));
            }
        }

        return values;
    }

    /// <summary>Every point of a metric file, in file order.</summary>
    public static List<Metric> ReadMetricHistory(string key, string file)
    {
        string text = FileRetry.Run(() =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        });
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => MetricLine.Parse(key, line)).ToList();
    }

    /// <summary>Appends under an exclusive lock, so that appends from several processes never overwrite each other.</summary>
    public static void Append(string file, string text)
    {
        byte[] bytes = Utf8.GetBytes(text);
        FileRetry.Run(() =>
        {
            // The directory usually exists: create it only when the open says it is missing (a mkdir per append was
            // a noticeable part of a sweep's file-system calls).
            try
            {
                using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.None);
                stream.Write(bytes);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.None);
                stream.Write(bytes);
            }
        });
    }

    /// <summary>Writes to a temporary file next to <paramref name="file"/> and renames it over the file (atomic on one file system).</summary>
    public static void WriteAtomically(string file, string content)
    {
        string directory = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".tmp-{Guid.NewGuid():N}");
        PosixFiles.Write(temporary, Utf8.GetBytes(content), FileMode.CreateNew);
        FileRetry.Run(() => File.Move(temporary, file, overwrite: true));
    }
}
