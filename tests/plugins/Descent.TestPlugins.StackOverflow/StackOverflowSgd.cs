using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.StackOverflow;

/// <summary>SGD that breaks at its third step: endless recursion.</summary>
public sealed class StackOverflowSgd : SlotOptimizer
{
    private readonly Scalar lr;
    private int updates;

    public StackOverflowSgd(StackOverflowSgdOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        if (++updates == 3)
        {
            Recurse(1);
        }

        parameter.sub_(gradient.mul(lr));
    }

    private static int Recurse(int depth) => Recurse(depth + 1) + 1;
}

public sealed class StackOverflowSgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class StackOverflowSgdPlugin() : OptimizerPlugin<StackOverflowSgd, StackOverflowSgdOptions>("stack-overflow-sgd", "1.0.0", "SGD that breaks at its third step: endless recursion");
