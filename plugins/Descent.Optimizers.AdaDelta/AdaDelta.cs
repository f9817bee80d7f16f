using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.AdaDelta;

/// <summary>
/// AdaDelta from scratch, no learning rate (d2l 7.7; Zeiler 2012).
/// Update: <c>s = rho * s + (1 - rho) * g^2; d = g * sqrt((delta + eps) / (s + eps)); p -= d; delta = rho * delta + (1 - rho) * d^2</c>.
/// </summary>
public sealed class AdaDelta(AdaDeltaOptions options, ParameterSet parameters) : SlotOptimizer(parameters, slotCount: 2)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var (average, delta) = (slots[0], slots[1]);
        average.mul_(options.Rho).addcmul_(gradient, gradient, 1 - options.Rho);
        var change = delta.add(options.Eps).div_(average.add(options.Eps)).sqrt_().mul_(gradient);
        parameter.sub_(change);
        delta.mul_(options.Rho).addcmul_(change, change, 1 - options.Rho);
    }
}
