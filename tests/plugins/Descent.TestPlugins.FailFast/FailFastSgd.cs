using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.FailFast;

/// <summary>SGD that breaks at its third step: Environment.FailFast.</summary>
public sealed class FailFastSgd : SlotOptimizer
{
    private readonly Scalar lr;
    private int updates;

    public FailFastSgd(FailFastSgdOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        if (++updates == 3)
        {
            Environment.FailFast("failfast-sgd gives up at step 3");
        }

        parameter.sub_(gradient.mul(lr));
    }
}

public sealed class FailFastSgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class FailFastSgdPlugin() : OptimizerPlugin<FailFastSgd, FailFastSgdOptions>("failfast-sgd", "1.0.0", "SGD that breaks at its third step: Environment.FailFast");
