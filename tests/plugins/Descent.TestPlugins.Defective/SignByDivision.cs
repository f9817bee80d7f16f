using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>signSGD written as g / |g| without eps: NaN on a zero gradient, fails "zero gradients".</summary>
public sealed class SignByDivision(BaseOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    private readonly TorchSharp.Scalar lr = options.Lr;

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) =>
        parameter.sub_(gradient.div(gradient.abs()).mul(lr));
}

public sealed class SignByDivisionPlugin() : OptimizerPlugin<SignByDivision, BaseOptions>("defect-nan", "1.0.0", "divides by |g| with no eps");
