using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>Its options default to a value its constructor refuses: fails "construction".</summary>
public sealed class PickySgd : SlotOptimizer
{
    private readonly TorchSharp.Scalar lr;

    public PickySgd(PickyOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        if (options.Warmup == 0)
        {
            throw new ArgumentException("warmup must be set");
        }

        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(lr));
}

public sealed class PickyOptions : BaseOptions
{
    [Hyperparameter("warmup", Description = "warm-up steps", Minimum = 0)]
    public int Warmup { get; set; }
}

public sealed class PickySgdPlugin() : OptimizerPlugin<PickySgd, PickyOptions>("defect-ctor", "1.0.0", "refuses its own defaults");
