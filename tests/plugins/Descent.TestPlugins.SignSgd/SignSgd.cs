using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace SignSgd;

/// <summary>signSGD (Bernstein et al. 2018): p -= lr * sign(g).</summary>
public sealed class SignSgd : SlotOptimizer
{
    private readonly Scalar lr;

    public SignSgd(SignSgdOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 0) => lr = Hold(options.Lr);

    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) =>
        parameter.sub_(gradient.sign().mul_(lr));
}

public sealed class SignSgdOptions
{
    [Hyperparameter("lr", Description = "step length", Minimum = 0)]
    public double Lr { get; set; } = 0.01;
}

public sealed class SignSgdPlugin() : OptimizerPlugin<SignSgd, SignSgdOptions>(
    id: "signsgd", version: "1.0.0", description: "signSGD: p -= lr * sign(g)");
