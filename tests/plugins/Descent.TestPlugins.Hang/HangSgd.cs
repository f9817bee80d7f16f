using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Hang;

/// <summary>SGD that breaks at its third step: it sleeps forever.</summary>
public sealed class HangSgd : SlotOptimizer
{
    private readonly Scalar lr;
    private int updates;

    public HangSgd(HangSgdOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        if (++updates == 3)
        {
            Thread.Sleep(Timeout.Infinite);
        }

        parameter.sub_(gradient.mul(lr));
    }
}

public sealed class HangSgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class HangSgdPlugin() : OptimizerPlugin<HangSgd, HangSgdOptions>("hang-sgd", "1.0.0", "SGD that breaks at its third step: it sleeps forever");
