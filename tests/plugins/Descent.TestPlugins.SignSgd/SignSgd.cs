using Descent.Contracts;
using static TorchSharp.torch;

namespace SignSgd;

/// <summary>signSGD (Bernstein et al. 2018): p -= lr * sign(g); lr follows the trial's schedule, if any.</summary>
public sealed class SignSgd(SignSgdOptions options, ParameterSet parameters)
    : SlotOptimizer(parameters, slotCount: 0, lr: options.Lr), IScheduledOptimizer
{
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots) =>
        parameter.sub_(gradient.sign().mul_(Lr));
}

public sealed class SignSgdOptions
{
    [Hyperparameter("lr", Description = "step length", Minimum = 0)]
    public double Lr { get; set; } = 0.01;
}

public sealed class SignSgdPlugin() : OptimizerPlugin<SignSgd, SignSgdOptions>(
    id: "signsgd", version: "1.0.0", description: "signSGD: p -= lr * sign(g)");
