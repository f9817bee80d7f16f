namespace Descent.Tests.Images;

/// <summary>Writes small CIFAR binary batches (records of 1 label byte + 3,072 pixel bytes) for the dataset's tests.</summary>
public static class CifarWriter
{
    /// <summary>The value of channel c, row y, column x of image n: (5 n + 80 c + 7 y + 3 x) mod 256.</summary>
    public static byte Pixel(int n, int c, int y, int x) => (byte)((5 * n + 80 * c + 7 * y + 3 * x) % 256);

    /// <summary>The label of image n: (3 n) mod 10.</summary>
    public static byte Label(int n) => (byte)(3 * n % 10);

    /// <summary>The bytes of a batch of images <paramref name="first"/> .. first + count - 1, laid out as the CIFAR page says (label, R plane, G plane, B plane, rows top to bottom).</summary>
    public static byte[] Batch(int first, int count)
    {
        var bytes = new byte[count * 3073];
        for (int i = 0; i < count; i++)
        {
            int n = first + i, offset = i * 3073;
            bytes[offset] = Label(n);
            for (int c = 0; c < 3; c++)
            {
                for (int y = 0; y < 32; y++)
                {
                    for (int x = 0; x < 32; x++)
                    {
                        bytes[offset + 1 + 1024 * c + 32 * y + x] = Pixel(n, c, y, x);
                    }
                }
            }
        }

        return bytes;
    }

    /// <summary>Writes data_batch_1..5.bin with <paramref name="perBatch"/> images each (images 0 .. 5 perBatch - 1) and test_batch.bin with images 1000 .. 1000 + test - 1.</summary>
    public static void WriteSet(string folder, int perBatch, int test)
    {
        Directory.CreateDirectory(folder);
        for (int b = 0; b < 5; b++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"data_batch_{b + 1}.bin"), Batch(b * perBatch, perBatch));
        }

        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Batch(1000, test));
    }

    /// <summary>The images n .. n + count - 1 as floats in N x C x H x W order, divided by <paramref name="divisor"/>.</summary>
    public static double[] Values(int first, int count, double divisor = 255) =>
        Enumerable.Range(first, count).SelectMany(n =>
            Enumerable.Range(0, 3 * 32 * 32).Select(k => Pixel(n, k / 1024, k / 32 % 32, k % 32) / divisor)).ToArray();
}
