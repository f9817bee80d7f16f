using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.RmsProp;

/// <summary>
/// RMSProp from scratch: s = gamma s + (1 - gamma) g^2; p -= lr * g / sqrt(s + eps) (d2l 7.6; Tieleman and Hinton 2012).
/// Update: <c>s = gamma * s + (1 - gamma) * g^2; p -= lr * g / sqrt(s + eps)</c>.
/// </summary>
public sealed class RmsProp(RmsPropOptions options, ParameterSet parameters) : SlotOptimizer(parameters, slotCount: 1)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var average = slots[0];
        average.mul_(options.Gamma).addcmul_(gradient, gradient, 1 - options.Gamma);
        parameter.addcdiv_(gradient, average.add(options.Eps).sqrt_(), -options.Lr);
    }
}
