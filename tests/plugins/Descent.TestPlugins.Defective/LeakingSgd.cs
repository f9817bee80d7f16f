using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.Defective;

/// <summary>SGD that keeps a detached copy of every gradient it sees (a tensor leaked per step): fails "memory".</summary>
public sealed class LeakingSgd(BaseOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    private readonly List<Tensor> seen = [];
    private readonly TorchSharp.Scalar lr = options.Lr;

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        seen.Add(gradient.clone().DetachFromDisposeScope());
        parameter.sub_(gradient.mul(lr));
    }
}

public sealed class LeakingSgdPlugin() : OptimizerPlugin<LeakingSgd, BaseOptions>("defect-leak", "1.0.0", "keeps a tensor per step");
