using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>
/// Defect: changes the dtype. It computes every update in float32, whatever its parameters are, so float64 parameters
/// move by float32-rounded steps (the parameters keep their dtype: the in-place subtraction casts back).
/// </summary>
public sealed class SinglePrecisionSgd(BaseOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0, options.Lr), IScheduledOptimizer
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) =>
        parameter.sub_(gradient.to(ScalarType.Float32).mul(Lr));
}

public sealed class SinglePrecisionSgdPlugin() : OptimizerPlugin<SinglePrecisionSgd, BaseOptions>("defect-dtype", "1.0.0", "computes its update in float32 whatever the parameters' dtype");
