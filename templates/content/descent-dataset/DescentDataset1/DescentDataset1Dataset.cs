using Descent.Contracts;
using static TorchSharp.torch;

namespace DescentDataset1;

/// <summary>
/// A synthetic regression table, as a starting point: x uniform in [-3, 3], label sin(x) plus Gaussian noise,
/// drawn from the trial's "data" generator (same seed, same bits), in the trial's dtype and device. A dataset
/// read from a file finds it through <c>context.Data</c> and throws <see cref="TrialSetupException"/> saying
/// where it looked and how to get it.
/// </summary>
public sealed class DescentDataset1Dataset : IDataset
{
    /// <summary>Draws the table.</summary>
    public DescentDataset1Dataset(DescentDataset1Options options, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        using var scope = NewDisposeScope();
        using var held = new HeldScalars();
        var generator = context.CreateGenerator("data");
        var x = rand([options.Rows, 1], dtype: ScalarType.Float64, generator: generator).mul(held.Hold(6)).sub(held.Hold(3));
        var noise = randn([options.Rows], dtype: ScalarType.Float64, generator: generator).mul(held.Hold(options.Noise));
        Features = x.to(context.DType, context.Device).DetachFromDisposeScope();
        Labels = x.squeeze(1).sin().add(noise, held.Hold(1)).to(context.DType, context.Device).DetachFromDisposeScope();
        Info = new DatasetInfo("noisy sine", options.Rows, ["x"], "y", null, null);
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
        Features.Dispose();
        Labels.Dispose();
    }
}
