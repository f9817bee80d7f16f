using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace DescentOptimizer1;

/// <summary>
/// Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), as a starting point:
/// c = beta1 m + (1 - beta1) g; p -= lr (sign(c) + weight_decay p); m = beta2 m + (1 - beta2) g.
/// Replace <see cref="Update"/> with your rule (read the learning rate from <c>Lr</c>, so that schedules apply); <see cref="SlotOptimizer"/> keeps the state (one slot per
/// parameter here), saves and restores it, skips parameters without a gradient and scopes the temporaries.
/// </summary>
public sealed class DescentOptimizer1Optimizer : SlotOptimizer, IScheduledOptimizer
{
    private readonly Scalar beta1, oneMinusBeta1, beta2, oneMinusBeta2, decay, one;

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    public DescentOptimizer1Optimizer(DescentOptimizer1Options options, ParameterSet parameters)
        : base(parameters, slotCount: 1, lr: (options ?? throw new ArgumentNullException(nameof(options))).Lr)
    {
        // Hold every constant once: a bare double becomes a temporary Scalar on each call. The learning rate is
        // SlotOptimizer's Lr, which the host changes between steps when the trial runs under a schedule.
        beta1 = Hold(options.Betas[0]);
        oneMinusBeta1 = Hold(1 - options.Betas[0]);
        beta2 = Hold(options.Betas[1]);
        oneMinusBeta2 = Hold(1 - options.Betas[1]);
        decay = Hold(options.WeightDecay);
        one = Hold(1.0);
    }

    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var momentum = slots[0];
        var interpolated = momentum.mul(beta1).add(gradient.mul(oneMinusBeta1), one);
        parameter.sub_(interpolated.sign().add(parameter.mul(decay), one).mul(Lr));
        momentum.mul_(beta2).add_(gradient.mul(oneMinusBeta2), one);
    }
}
