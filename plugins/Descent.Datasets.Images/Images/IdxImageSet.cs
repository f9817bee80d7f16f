namespace Descent.Datasets.Images;

/// <summary>
/// A published set of IDX files: 28 x 28 grey images and labels, a training and a test part. Files live in
/// a folder named <see cref="Folder"/> inside a data directory, or in <see cref="SystemDirectory"/> (a
/// distribution's package), or are downloaded from <see cref="BaseUrl"/> and checked by SHA-256.
/// </summary>
/// <param name="Id">The plugin id, e.g. <c>fashion-mnist</c>.</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Folder">Sub-folder of a data directory that holds the files.</param>
/// <param name="SystemDirectory">Where a system package installs the files, or null.</param>
/// <param name="SystemPackage">The package's install command, for messages, or null.</param>
/// <param name="BaseUrl">Where the files are published (ends with <c>/</c>).</param>
/// <param name="TrainImages">Training images.</param>
/// <param name="TrainLabels">Training labels.</param>
/// <param name="TestImages">Test images.</param>
/// <param name="TestLabels">Test labels.</param>
/// <param name="Classes">Number of classes.</param>
public sealed record IdxImageSet(
    string Id,
    string Name,
    string Folder,
    string? SystemDirectory,
    string? SystemPackage,
    string BaseUrl,
    IdxFileSpec TrainImages,
    IdxFileSpec TrainLabels,
    IdxFileSpec TestImages,
    IdxFileSpec TestLabels,
    int Classes)
{
    /// <summary>The four files.</summary>
    public IReadOnlyList<IdxFileSpec> Files => [TrainImages, TrainLabels, TestImages, TestLabels];
}
