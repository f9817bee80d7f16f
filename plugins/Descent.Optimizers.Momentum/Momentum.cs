using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.Momentum;

/// <summary>
/// SGD with momentum from scratch: v = momentum * v + lr * g; p -= v (d2l 7.4).
/// Update: <c>v = momentum * v + lr * g; p -= v</c>.
/// </summary>
public sealed class Momentum(MomentumOptions options, ParameterSet parameters) : SlotOptimizer(parameters, slotCount: 1)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var velocity = slots[0];
        velocity.mul_(options.MomentumFactor).add_(gradient.mul(options.Lr));
        parameter.sub_(velocity);
    }
}
