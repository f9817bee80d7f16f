using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.AdaGrad;

/// <summary>
/// AdaGrad from scratch: s += g^2; p -= lr * g / sqrt(s + eps) (d2l 7.5; Duchi et al. 2011).
/// Update: <c>s += g^2; p -= lr * g / sqrt(s + eps)</c>.
/// </summary>
public sealed class AdaGrad(AdaGradOptions options, ParameterSet parameters) : SlotOptimizer(parameters, slotCount: 1)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var sum = slots[0];
        sum.addcmul_(gradient, gradient, 1);
        parameter.addcdiv_(gradient, sum.add(options.Eps).sqrt_(), -options.Lr);
    }
}
