using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.Adam;

/// <summary>
/// Adam from scratch with bias correction, eps outside the root (d2l 7.8; Kingma and Ba 2015).
/// Update: <c>v = beta1 v + (1 - beta1) g; s = beta2 s + (1 - beta2) g^2; p -= lr * v_hat / (sqrt(s_hat) + eps), t from 1</c>.
/// </summary>
public sealed class Adam(AdamOptions options, ParameterSet parameters) : SlotOptimizer(parameters, slotCount: 2)
{
    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var (first, second) = (slots[0], slots[1]);
        double beta1 = options.Betas[0], beta2 = options.Betas[1];
        first.mul_(beta1).add_(gradient.mul(1 - beta1));
        second.mul_(beta2).addcmul_(gradient, gradient, 1 - beta2);
        var firstHat = first.div(1 - Math.Pow(beta1, StepCount));
        var secondHat = second.div(1 - Math.Pow(beta2, StepCount));
        parameter.sub_(firstHat.mul_(options.Lr).div_(secondHat.sqrt_().add_(options.Eps)));
    }
}
