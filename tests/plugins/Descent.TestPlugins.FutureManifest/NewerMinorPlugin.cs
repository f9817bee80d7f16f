using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.TestPlugins.FutureManifest;

public sealed class NewerMinor(NewerMinorOptions options, ParameterSet parameters) : SlotOptimizer(parameters, 0)
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(options.Lr));
}

public sealed class NewerMinorOptions
{
    [Hyperparameter("lr")]
    public double Lr { get; set; } = 0.1;
}

public sealed class NewerMinorPlugin() : OptimizerPlugin<NewerMinor, NewerMinorOptions>("newer-minor", "1.0.0", "claims contract 1.9", contractVersion: "1.9");
