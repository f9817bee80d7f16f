namespace Descent.Datasets.Images;

/// <summary>The content of an IDX file of unsigned bytes: its dimensions and its values, row-major.</summary>
/// <param name="Dimensions">E.g. <c>[60000, 28, 28]</c> for images, <c>[60000]</c> for labels.</param>
/// <param name="Values">The product of the dimensions, in file order.</param>
/// <param name="Sha256">SHA-256 of the file as stored (compressed, when it is).</param>
public sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Values, string Sha256)
{
    /// <summary>The first dimension: images or labels.</summary>
    public int Count => Dimensions[0];
}
