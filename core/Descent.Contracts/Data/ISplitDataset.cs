namespace Descent.Contracts;

/// <summary>
/// A dataset with named splits (<c>train</c>, <c>valid</c>, <c>test</c>), features of any shape and a
/// description (contract 1.x, additive). <see cref="IDataset.Features"/> and <see cref="IDataset.Labels"/>
/// are the training split's, so a loop or objective written for <see cref="IDataset"/> trains on it unchanged.
/// </summary>
/// <remarks>
/// A dataset without a validation split of its own carves one deterministically from the end of its training
/// data (configurable); the carved samples are no longer in <c>train</c>.
/// </remarks>
public interface ISplitDataset : IDataset
{
    /// <summary>Task, classes, input shape, split sizes and provenance.</summary>
    DatasetDescription Description { get; }

    /// <summary>The splits, <c>train</c> first.</summary>
    IReadOnlyList<DataSplit> Splits { get; }

    /// <summary>The split called <paramref name="name"/>, or null when the dataset has none by that name.</summary>
    DataSplit? Split(string name) => Splits.FirstOrDefault(s => s.Name == name);
}
