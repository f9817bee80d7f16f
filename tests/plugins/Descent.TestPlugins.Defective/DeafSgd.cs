using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>Claims to follow schedules (contract 1.1) but steps with its configured rate: fails "learning rate from the host".</summary>
public sealed class DeafSgd(BaseOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0, options.Lr), IScheduledOptimizer
{
    private readonly TorchSharp.Scalar configured = options.Lr;

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(configured));
}

public sealed class DeafSgdPlugin() : OptimizerPlugin<DeafSgd, BaseOptions>("defect-lr", "1.0.0", "ignores the rate the host sets");
