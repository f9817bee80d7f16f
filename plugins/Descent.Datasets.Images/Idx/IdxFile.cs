using System.Buffers.Binary;
using System.IO.Compression;

namespace Descent.Datasets.Images;

/// <summary>
/// Reads IDX files (LeCun et al., the MNIST format): a 4-byte magic number <c>0x00 0x00 type dims</c>, then
/// <c>dims</c> big-endian 32-bit sizes, then the values. Only unsigned bytes (type 0x08), what MNIST,
/// Fashion-MNIST and their kin use. A file that starts with the gzip signature is decompressed first.
/// Every check is made before the array is returned, so a file is read whole or not at all.
/// </summary>
public static class IdxFile
{
    /// <summary>The type code of unsigned bytes.</summary>
    public const byte UnsignedByte = 0x08;

    /// <summary>Reads <paramref name="path"/>, requiring <paramref name="dimensions"/> dimensions.</summary>
    /// <exception cref="IdxFormatException">The file is not an IDX file of that kind, or is damaged.</exception>
    public static IdxArray Read(string path, int dimensions)
    {
        byte[] stored = File.ReadAllBytes(path);
        string sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored));
        byte[] bytes = IsGzip(stored) ? Decompress(path, stored) : stored;
        return Parse(path, bytes, dimensions, sha256);
    }

    /// <summary>Parses the bytes of an (uncompressed) IDX file; <paramref name="path"/> is for messages.</summary>
    public static IdxArray Parse(string path, byte[] bytes, int dimensions, string sha256)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        uint expectedMagic = (uint)(UnsignedByte << 8 | dimensions);
        if (bytes.Length < 4)
        {
            throw new IdxFormatException(path, $"the file has {bytes.Length} bytes, too few for the 4-byte magic number (truncated)");
        }

        uint magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (magic != expectedMagic)
        {
            throw new IdxFormatException(path,
                $"the magic number is 0x{magic:X8}, not 0x{expectedMagic:X8} (unsigned bytes, {dimensions} dimensions): not an IDX file of this kind");
        }

        int header = 4 + 4 * dimensions;
        if (bytes.Length < header)
        {
            throw new IdxFormatException(path, $"the file has {bytes.Length} bytes, too few for its {header}-byte header (truncated)");
        }

        var sizes = new int[dimensions];
        long count = 1;
        for (int i = 0; i < dimensions; i++)
        {
            sizes[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (sizes[i] < 0)
            {
                throw new IdxFormatException(path, $"dimension {i} has a negative size ({sizes[i]})");
            }

            count *= sizes[i];
        }

        long expected = header + count;
        if (bytes.Length != expected)
        {
            string what = bytes.Length < expected ? "truncated" : "longer than its header says";
            throw new IdxFormatException(path,
                $"the header says {string.Join(" x ", sizes)} values ({expected} bytes with the header), but the file has {bytes.Length} bytes ({what})");
        }

        return new IdxArray(sizes, bytes[header..], sha256);
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static byte[] Decompress(string path, byte[] stored)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(path, $"the gzip stream is damaged or truncated ({e.Message})");
        }
        catch (EndOfStreamException e)
        {
            throw new IdxFormatException(path, $"the gzip stream is truncated ({e.Message})");
        }
    }
}
