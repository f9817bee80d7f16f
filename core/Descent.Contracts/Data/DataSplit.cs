using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// One named split of a dataset: N samples of features of any shape (N x d tables, N x C x H x W images)
/// and one label per sample (int64 class indices for classification, real targets for regression), in the
/// trial's device. The dataset owns the tensors and disposes them.
/// </summary>
/// <param name="Name">One of <see cref="SplitNames"/> (or a dataset's own).</param>
/// <param name="Features">N x (input shape), in the trial's dtype.</param>
/// <param name="Labels">N labels.</param>
public sealed record DataSplit(string Name, Tensor Features, Tensor Labels)
{
    /// <summary>N, the number of samples.</summary>
    public long Rows => Features.shape[0];
}
