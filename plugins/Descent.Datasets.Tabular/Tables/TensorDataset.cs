using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Base of the datasets here: float64 arrays become tensors in the trial's dtype and device once, when
/// the dataset is created. The tensors are detached from any dispose scope the caller has open (the
/// trial runner opens one), so they live until <see cref="Dispose"/>.
/// </summary>
public abstract class TensorDataset : IDataset
{
    private bool disposed;

    /// <summary>Creates the tensors from <paramref name="content"/>.</summary>
    protected TensorDataset(DatasetContent content, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        Info = content.Info;
        int rows = content.Info.Rows;
        Features = ToTensor(content.Features, [rows, content.Info.FeatureCount], context);
        Labels = ToTensor(content.Labels, [rows], context);
    }

    /// <inheritdoc />
    public DatasetInfo Info { get; }

    /// <inheritdoc />
    public Tensor Features { get; }

    /// <inheritdoc />
    public Tensor Labels { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Features.Dispose();
        Labels.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Tensor ToTensor(double[] values, long[] shape, TrialContext context)
    {
        using var scope = NewDisposeScope();
        return tensor(values, shape, ScalarType.Float64).to(context.DType, context.Device).DetachFromDisposeScope();
    }
}
