using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// An objective that reports metrics besides its training loss, on any split (contract 1.x, additive).
/// The host evaluates a split in batches of <c>eval_batch_size</c> under <c>no_grad</c>, adds up the sums
/// this returns and divides by the number of samples, so memory stays bounded whatever the split's size.
/// </summary>
public interface IEvaluatedObjective : IObjective
{
    /// <summary>What the objective's labels must be: a classification objective needs a classification dataset.</summary>
    DatasetTask Task { get; }

    /// <summary>The metrics, <c>loss</c> first, e.g. <c>loss</c>, <c>accuracy</c>.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>
    /// Per metric (in <see cref="MetricNames"/> order), the sum over the batch's samples, as a vector of that
    /// length: e.g. the summed cross-entropy and the number of correct top-1 predictions. Computed in
    /// evaluation mode (dropout off, no noise); called under <c>no_grad</c>.
    /// </summary>
    Tensor MetricSums(Batch batch);
}
