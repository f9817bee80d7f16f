using System.Buffers.Binary;
using System.IO.Compression;

namespace Descent.Tests.Images;

/// <summary>Writes small IDX files of unsigned bytes (gzip or not) for the reader's tests.</summary>
public static class IdxWriter
{
    /// <summary>The bytes of an IDX file with these dimensions and values.</summary>
    public static byte[] Bytes(int[] dimensions, byte[] values)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + values.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dimensions.Length;
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        }

        values.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    /// <summary>Gzip of <paramref name="bytes"/>.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Writes a tiny image set into <paramref name="folder"/>: <paramref name="train"/> training and
    /// <paramref name="test"/> test images of 4 x 3 pixels whose value at pixel p of image i is (7 i + p) mod 256,
    /// labels i mod 10; gzip when <paramref name="gzip"/>.
    /// </summary>
    public static void WriteSet(string folder, int train, int test, bool gzip)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "train-images-idx3-ubyte", [train, 4, 3], Pixels(train), gzip);
        Write(folder, "train-labels-idx1-ubyte", [train], Labels(train), gzip);
        Write(folder, "t10k-images-idx3-ubyte", [test, 4, 3], Pixels(test), gzip);
        Write(folder, "t10k-labels-idx1-ubyte", [test], Labels(test), gzip);
    }

    /// <summary>Writes one file, named with <c>.gz</c> when <paramref name="gzip"/>.</summary>
    public static string Write(string folder, string name, int[] dimensions, byte[] values, bool gzip)
    {
        var bytes = Bytes(dimensions, values);
        string path = Path.Combine(folder, gzip ? name + ".gz" : name);
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        return path;
    }

    /// <summary>The pixel values of <see cref="WriteSet"/>.</summary>
    public static byte[] Pixels(int images) => Enumerable.Range(0, images * 12).Select(k => (byte)((7 * (k / 12) + k % 12) % 256)).ToArray();

    /// <summary>The labels of <see cref="WriteSet"/>.</summary>
    public static byte[] Labels(int images) => Enumerable.Range(0, images).Select(i => (byte)(i % 10)).ToArray();
}
