using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>Options of <see cref="AirfoilDataset"/>; the defaults give the chapter's data (d2l, "Minibatch SGD").</summary>
public sealed class AirfoilOptions : IValidatableOptions
{
    /// <summary>How many rows to keep, from the top, after standardizing over all 1503; the chapter keeps 1500.</summary>
    [Hyperparameter("rows", Description = "rows kept from the top (of 1503), after standardizing", Minimum = 1)]
    public int Rows { get; set; } = 1500;

    /// <summary>Scale every column by its mean and population standard deviation over all rows (the chapter does).</summary>
    [Hyperparameter("standardize", Description = "scale every column to mean 0, population std 1 over all rows")]
    public bool Standardize { get; set; } = true;

    /// <summary>
    /// Require the file to be one of the two known versions (by SHA-256). Turn off only to use a copy you
    /// changed on purpose; its checksum is still recorded with every trial. Downloads are always checked.
    /// </summary>
    [Hyperparameter("verify", Description = "require the file's sha256 to be the published one (false: accept an edited copy)")]
    public bool Verify { get; set; } = true;

    /// <summary>Where to download the file (or a zip archive holding it) when no data directory has it.</summary>
    [Hyperparameter("url", Description = "where to download the file, or a zip holding it, when no data directory has it")]
    public string Url { get; set; } = AirfoilFile.DownloadUrl;

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"url = '{Url}' is not an http or https address; leave it out to use {AirfoilFile.DownloadUrl}";
        }
    }
}
