using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.MemoryHog;

/// <summary>SGD that breaks at its third step: it fills 1 GiB of memory and keeps it for the rest of its process's life.</summary>
public sealed class MemoryHogSgd : SlotOptimizer
{
    /// <summary>What the hog holds: never freed, as a leak in research code is not.</summary>
    private static readonly List<Tensor> Hoard = [];

    private readonly Scalar lr;
    private int updates;

    public MemoryHogSgd(MemoryHogSgdOptions options, ParameterSet parameters)
        : base(parameters, 0)
    {
        lr = Hold(options.Lr);
    }

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        if (++updates == 3)
        {
            // ones, not empty or zeros: every page is written, so all of it is resident.
            Hoard.Add(ones(256L << 20, dtype: ScalarType.Float32).DetachFromDisposeScope());
        }

        parameter.sub_(gradient.mul(lr));
    }
}

public sealed class MemoryHogSgdOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class MemoryHogSgdPlugin() : OptimizerPlugin<MemoryHogSgd, MemoryHogSgdOptions>("memory-hog-sgd", "1.0.0", "SGD that breaks at its third step: it fills 1 GiB of memory and keeps it");
