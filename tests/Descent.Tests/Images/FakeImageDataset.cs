using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>A dataset with splits held in memory, with the description a test needs (no files).</summary>
public sealed class FakeImageDataset : ISplitDataset
{
    /// <summary>Creates the dataset; the tensors become the dataset's.</summary>
    public FakeImageDataset(Tensor features, Tensor labels, int classes, DatasetTask task = DatasetTask.Classification)
    {
        Splits = [new DataSplit(SplitNames.Train, features, labels)];
        Description = new DatasetDescription(task, classes, features.shape[1..], new Dictionary<string, long> { ["train"] = features.shape[0] }, "test");
        Info = new DatasetInfo("fake", (int)features.shape[0], Enumerable.Range(0, (int)Description.InputSize).Select(i => $"x{i}").ToArray(), "y");
    }

    public DatasetInfo Info { get; }

    public DatasetDescription Description { get; }

    public IReadOnlyList<DataSplit> Splits { get; }

    public Tensor Features => Splits[0].Features;

    public Tensor Labels => Splits[0].Labels;

    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
