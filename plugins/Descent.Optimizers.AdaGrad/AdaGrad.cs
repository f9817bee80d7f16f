using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.AdaGrad;

/// <summary>
/// AdaGrad from scratch (d2l 7.5; Duchi et al. 2011).
/// Update: <c>s += g^2; p -= lr * g / sqrt(s + eps)</c>.
/// </summary>
public sealed class AdaGrad : SlotOptimizer, IScheduledOptimizer
{
    private readonly Scalar one;
    private readonly Scalar eps;

    /// <summary>Creates the optimizer and its state.</summary>
    public AdaGrad(AdaGradOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 1, lr: (options ?? throw new ArgumentNullException(nameof(options))).Lr)
    {
        one = Hold(1.0);
        eps = Hold(options.Eps);
    }

    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var sum = slots[0];
        Moments.AccumulateSquare(sum, gradient, one);
        parameter.addcdiv_(gradient, sum.add(eps, one).sqrt_(), HoldForStep(-LearningRate));
    }
}
