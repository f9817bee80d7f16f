namespace Descent.Datasets.Images;

/// <summary>One file of an IDX image set: its name as published (gzip) and the SHA-256s accepted for a download.</summary>
/// <param name="Name">E.g. <c>train-images-idx3-ubyte.gz</c>; the same name without <c>.gz</c> is accepted, uncompressed.</param>
/// <param name="Dimensions">3 for images, 1 for labels.</param>
/// <param name="AcceptedSha256">SHA-256 (lower-case hex) of the published gzip file, and of known repackagings.</param>
public sealed record IdxFileSpec(string Name, int Dimensions, IReadOnlyCollection<string> AcceptedSha256)
{
    /// <summary>The uncompressed file's name.</summary>
    public string UncompressedName => Name.EndsWith(".gz", StringComparison.Ordinal) ? Name[..^3] : Name;
}
