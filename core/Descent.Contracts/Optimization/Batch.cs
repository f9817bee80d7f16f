using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// What a loss is computed on: rows of features and their labels, or <see cref="None"/> for
/// analytic objectives, which have no data.
/// </summary>
/// <param name="Features">Rows x features, in the trial's dtype and device.</param>
/// <param name="Labels">One label per row.</param>
public readonly record struct Batch(Tensor? Features, Tensor? Labels)
{
    /// <summary>No data: the loss is a function of the parameters alone.</summary>
    public static Batch None => default;

    /// <summary>True for <see cref="None"/>.</summary>
    public bool IsEmpty => Features is null;

    /// <summary>Number of rows (0 for <see cref="None"/>).</summary>
    public long Rows => Features?.shape[0] ?? 0;
}
