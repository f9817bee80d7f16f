using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.Momentum;

/// <summary>
/// SGD with momentum from scratch (d2l 7.4).
/// Update: <c>v = momentum * v + lr * g; p -= v</c>.
/// </summary>
public sealed class Momentum : SlotOptimizer, IScheduledOptimizer
{
    private readonly Scalar momentum;

    /// <summary>Creates the optimizer and its state.</summary>
    public Momentum(MomentumOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 1, lr: (options ?? throw new ArgumentNullException(nameof(options))).Lr)
    {
        momentum = Hold(options.MomentumFactor);
    }

    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var velocity = slots[0];
        Moments.UpdateMoment(velocity, gradient, momentum, Lr);
        parameter.sub_(velocity);
    }
}
