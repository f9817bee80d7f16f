using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>SGD that scales each step by a draw from an unseeded generator: fails "determinism" (and "concurrency", "state round trip").</summary>
public sealed class NoisySgd(BaseOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    private readonly Random random = new();

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) =>
        parameter.sub_(gradient.mul(HoldForStep(options.Lr * (0.5 + random.NextDouble()))));
}

public sealed class NoisySgdPlugin() : OptimizerPlugin<NoisySgd, BaseOptions>("defect-random", "1.0.0", "draws from an unseeded generator");
