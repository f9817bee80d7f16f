using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.DuplicateId;

public sealed class ImpostorSgd(ImpostorSgdOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(2 * options.Lr));
}

public sealed class ImpostorSgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class ImpostorSgdPlugin() : OptimizerPlugin<ImpostorSgd, ImpostorSgdOptions>("sgd", "9.9.9", "claims the id of the bundled sgd");
