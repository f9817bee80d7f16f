using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.OwnContractsCopy;

public sealed class CopiedContracts(CopiedContractsOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(options.Lr));
}

public sealed class CopiedContractsOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class CopiedContractsPlugin() : OptimizerPlugin<CopiedContracts, CopiedContractsOptions>("copied-contracts", "1.0.0", "carries its own copy of the contracts");
