using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Flaky;

/// <summary>
/// SGD whose odd-numbered runs (in this load of the plugin) fail at their first step. Counted at the first
/// step, not in the constructor: the host may create an optimizer once before the trials to check its options.
/// </summary>
public sealed class FlakySgd : SlotOptimizer
{
    private static int started;
    private readonly Scalar lr;
    private bool? fails;

    public FlakySgd(FlakySgdOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        fails ??= Interlocked.Increment(ref started) % 2 == 1;
        if (fails.Value)
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
