using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.FutureContract;

public sealed class FutureSgd(FutureSgdOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(options.Lr));
}

public sealed class FutureSgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class FutureSgdPlugin() : OptimizerPlugin<FutureSgd, FutureSgdOptions>("future-sgd", "2.0.0", "built against contracts 2.0");
