using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.Sgd;

/// <summary>
/// Minibatch SGD from scratch: p -= lr * g (d2l 7.3).
/// Update: <c>p -= lr * g</c>.
/// </summary>
public sealed class Sgd(SgdOptions options, ParameterSet parameters) : SlotOptimizer(parameters, slotCount: 0)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        // p -= lr * g, as two operations: the fused add_(g, alpha) rounds differently.
        parameter.sub_(gradient.mul(options.Lr));
    }
}
