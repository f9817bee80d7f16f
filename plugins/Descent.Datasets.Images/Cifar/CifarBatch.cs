namespace Descent.Datasets.Images;

/// <summary>The content of a CIFAR binary batch file.</summary>
/// <param name="Labels">One class index per image.</param>
/// <param name="Pixels">The images one after another, each 3 x 32 x 32 bytes (red, green, blue planes, rows top to bottom).</param>
/// <param name="Sha256">SHA-256 of the file.</param>
public sealed record CifarBatch(byte[] Labels, byte[] Pixels, string Sha256)
{
    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;
}
