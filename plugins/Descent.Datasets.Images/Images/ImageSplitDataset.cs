using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Datasets.Images;

/// <summary>
/// What every image dataset of this plugin is once its files are read: its splits (the first is <c>train</c>), its
/// description and info, and the disposal of the split tensors. The sets (<see cref="IdxImageDataset"/>,
/// <see cref="Cifar10Dataset"/>) read their files and set these in their constructors.
/// </summary>
public abstract class ImageSplitDataset : ISplitDataset
{
    private bool disposed;

    /// <inheritdoc />
    public DatasetInfo Info { get; protected init; } = null!;

    /// <inheritdoc />
    public DatasetDescription Description { get; protected init; } = null!;

    /// <inheritdoc />
    public IReadOnlyList<DataSplit> Splits { get; protected init; } = [];

    /// <inheritdoc />
    public Tensor Features => Splits[0].Features;

    /// <inheritdoc />
    public Tensor Labels => Splits[0].Labels;

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var split in Splits)
        {
            split.Features.Dispose();
            split.Labels.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
