namespace Descent.Datasets.Tabular;

/// <summary>A downloaded file is not one of the accepted versions; it was deleted, not cached.</summary>
/// <param name="actualSha256">The checksum the download had.</param>
public sealed class ChecksumMismatchException(string actualSha256)
    : Exception($"the downloaded file has sha256 {actualSha256}")
{
    /// <summary>The checksum the download had.</summary>
    public string ActualSha256 { get; } = actualSha256;
}
