namespace Descent.Datasets.Images;

/// <summary>Images and their labels as read from files: unsigned bytes, image after image, each in CHW order.</summary>
/// <param name="Pixels">Count x (channels x height x width) bytes.</param>
/// <param name="Labels">One class index per image.</param>
/// <param name="Source">The files the images came from, for messages (e.g. <c>the training files</c>).</param>
public sealed record ImagePixels(byte[] Pixels, byte[] Labels, string Source)
{
    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;
}
