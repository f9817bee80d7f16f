namespace Descent.Contracts;

/// <summary>Shape, names and provenance of a dataset, logged with every trial.</summary>
/// <param name="Name">Human-readable name, e.g. <c>airfoil self-noise</c>.</param>
/// <param name="Rows">Number of rows used.</param>
/// <param name="FeatureNames">One name per feature column.</param>
/// <param name="LabelName">Name of the label column.</param>
/// <param name="Source">Where the data came from (file path or URL), if any.</param>
/// <param name="Sha256">SHA-256 of the source file, if any.</param>
public sealed record DatasetInfo(
    string Name,
    int Rows,
    IReadOnlyList<string> FeatureNames,
    string LabelName,
    string? Source = null,
    string? Sha256 = null)
{
    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => FeatureNames.Count;
}
