using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.Sgd;

/// <summary>
/// Minibatch SGD from scratch (d2l 7.3).
/// Update: <c>p -= lr * g</c>.
/// </summary>
public sealed class Sgd : SlotOptimizer, IScheduledOptimizer
{
    /// <summary>Creates the optimizer.</summary>
    public Sgd(SgdOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 0, lr: (options ?? throw new ArgumentNullException(nameof(options))).Lr)
    {
    }

    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        // p -= lr * g, as two operations: the fused add_(g, alpha) rounds differently.
        parameter.sub_(gradient.mul(Lr));
    }
}
