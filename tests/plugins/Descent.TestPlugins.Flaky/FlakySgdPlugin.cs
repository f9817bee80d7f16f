using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Flaky;

/// <summary>SGD whose odd-numbered instances (in this load of the plugin) fail at their first step.</summary>
public sealed class FlakySgd : SlotOptimizer
{
    private static int created;
    private readonly bool fails;
    private readonly Scalar lr;

    public FlakySgd(FlakySgdOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        fails = Interlocked.Increment(ref created) % 2 == 1;
        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        if (fails)
        {
            throw new InvalidOperationException("flaky: this attempt fails");
        }

        parameter.sub_(gradient.mul(lr));
    }
}

public sealed class FlakySgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class FlakySgdPlugin() : OptimizerPlugin<FlakySgd, FlakySgdOptions>("flaky-sgd", "1.0.0", "fails every other time it is created");
