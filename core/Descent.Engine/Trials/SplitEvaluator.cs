using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>
/// Evaluates an objective's metrics on a whole split: batches of <c>eval_batch_size</c> samples (views, no
/// copies), each in its own dispose scope under <c>no_grad</c>, the sums added up in float64 and divided by
/// the number of samples. Memory is one batch's activations, whatever the split's size.
/// </summary>
public static class SplitEvaluator
{
    // The alpha of the sums' add_, held for the process (HeldScalars says why); libtorch only reads it, from any thread.
    private static readonly Scalar One = 1.0.ToScalar();

    /// <summary>The mean of each metric in <see cref="IEvaluatedObjective.MetricNames"/> order.</summary>
    public static double[] Means(IEvaluatedObjective objective, Tensor features, Tensor labels, long batchSize)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long rows = features.shape[0];
        int count = objective.MetricNames.Count;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var sums = zeros(count, dtype: ScalarType.Float64, device: features.device);
        for (long start = 0; start < rows; start += batchSize)
        {
            using var batchScope = NewDisposeScope();
            long size = Math.Min(batchSize, rows - start);
            var batch = new Batch(features.narrow(0, start, size), labels.narrow(0, start, size));
            sums.add_(objective.MetricSums(batch).to(ScalarType.Float64), One);
        }

        var totals = sums.cpu().data<double>().ToArray();
        return totals.Select(t => rows == 0 ? double.NaN : t / rows).ToArray();
    }
}
