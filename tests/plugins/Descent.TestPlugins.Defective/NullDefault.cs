using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>An array hyperparameter without a default: fails "options class" (the host refuses to load it).</summary>
public sealed class NullDefaultAdam(NullDefaultOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    private readonly TorchSharp.Scalar lr = options.Lr * options.Betas[0];

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(lr));
}

public sealed class NullDefaultOptions : BaseOptions
{
    [Hyperparameter("betas", Description = "moment decay rates", Minimum = 0, Maximum = 1, Length = 2)]
    public double[] Betas { get; set; } = null!;
}

public sealed class NullDefaultPlugin() : OptimizerPlugin<NullDefaultAdam, NullDefaultOptions>("defect-null-default", "1.0.0", "leaves betas null");
