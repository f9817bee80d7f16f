using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Descent.Datasets.Images;

/// <summary>
/// Reads CIFAR binary batches: records of 1 label byte and 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue,
/// each plane row-major 32 x 32), which is CHW order already. The file is read whole and every check made before
/// a batch is returned. Parsed files are kept for the process (a sweep's trials read each once) and read again
/// when their size or modification time changes.
/// </summary>
public static class CifarBatchFile
{
    /// <summary>Bytes of one image: 3 x 32 x 32.</summary>
    public const int ImageBytes = 3 * 32 * 32;

    /// <summary>Bytes of one record: the label byte and the image.</summary>
    public const int RecordBytes = 1 + ImageBytes;

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified, int Classes), Lazy<CifarBatch>> Cache = new();

    /// <summary>The parsed file, from the process's cache when unchanged.</summary>
    /// <exception cref="CifarFormatException">The file is damaged (not cached).</exception>
    public static CifarBatch Get(string path, int classes)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc, classes);
        var lazy = Cache.GetOrAdd(key, k => new Lazy<CifarBatch>(() => Read(k.Path, k.Classes)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Cache.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>Reads and checks <paramref name="path"/>; labels must be below <paramref name="classes"/>.</summary>
    /// <exception cref="CifarFormatException">The size is not a positive multiple of 3,073 bytes, or a label is out of range.</exception>
    public static CifarBatch Read(string path, int classes)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return Parse(path, bytes, classes);
    }

    /// <summary>Parses the bytes of a batch file; <paramref name="path"/> is for messages.</summary>
    /// <exception cref="CifarFormatException">The size is not a positive multiple of 3,073 bytes, or a label is out of range.</exception>
    public static CifarBatch Parse(string path, byte[] bytes, int classes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0 || bytes.Length % RecordBytes != 0)
        {
            throw new CifarFormatException(path,
                $"the file has {bytes.Length} bytes, not a positive multiple of {RecordBytes} (1 label byte + {ImageBytes} pixel bytes per image): " +
                $"it is truncated or not a CIFAR binary batch");
        }

        int count = bytes.Length / RecordBytes;
        var labels = new byte[count];
        var pixels = new byte[(long)count * ImageBytes];
        for (int i = 0; i < count; i++)
        {
            byte label = bytes[(long)i * RecordBytes];
            if (label >= classes)
            {
                throw new CifarFormatException(path,
                    $"record {i} (byte {(long)i * RecordBytes}) has label {label}, but the set has {classes} classes (0 to {classes - 1}): the file is damaged");
            }

            labels[i] = label;
            Buffer.BlockCopy(bytes, i * RecordBytes + 1, pixels, i * ImageBytes, ImageBytes);
        }

        return new CifarBatch(labels, pixels, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
