using System.Security.Cryptography;

namespace Descent.Datasets.Tabular;

/// <summary>SHA-256 checksums as lower-case hex, the form data READMEs and <c>sha256sum</c> print.</summary>
public static class FileSha256
{
    /// <summary>The checksum of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The checksum of the file at <paramref name="path"/>.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
