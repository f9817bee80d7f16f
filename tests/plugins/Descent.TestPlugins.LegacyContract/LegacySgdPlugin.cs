using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.LegacyContract;

/// <summary>Gradient descent as a contract-1.0 plugin writes it: p -= lr * g, its rate fixed for its life.</summary>
public sealed class LegacySgd(LegacySgdOptions options, ParameterSet parameters) : IOptimizer
{
    private readonly HeldScalars scalars = new();

    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var lr = scalars.Hold(options.Lr);
        foreach (var p in parameters)
        {
            if (p.grad is { } g)
            {
                p.sub_(g.mul(lr));
            }
        }

        scalars.Clear();
    }

    public void SaveState(Stream stream)
    {
    }

    public void LoadState(Stream stream)
    {
    }

    public void Dispose() => scalars.Dispose();
}

public sealed class LegacySgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class LegacySgdPlugin() : OptimizerPlugin<LegacySgd, LegacySgdOptions>("legacy-sgd", "1.0.0", "gradient descent built against contract 1.0");
