using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.TestPlugins.OwnYaml;

/// <summary>Plain gradient descent; what matters is which YamlDotNet it runs with.</summary>
public sealed class OwnYamlSgd : SlotOptimizer
{
    private readonly Scalar lr;

    public OwnYamlSgd(OwnYamlOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 0) => lr = Hold(options.Lr);

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) => parameter.sub_(gradient.mul(lr));
}

public sealed class OwnYamlOptions
{
    [Hyperparameter("lr", Description = "step length", Minimum = 0)]
    public double Lr { get; set; } = 0.1;
}

/// <summary>Its description names the YamlDotNet assembly it was given at run time.</summary>
public sealed class OwnYamlPlugin() : OptimizerPlugin<OwnYamlSgd, OwnYamlOptions>(
    id: "own-yaml",
    version: "1.0.0",
    description: "yaml " + typeof(YamlDotNet.Serialization.SerializerBuilder).Assembly.GetName().Version);
