using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.RmsProp;

/// <summary>
/// RMSProp from scratch (d2l 7.6; Tieleman and Hinton 2012).
/// Update: <c>s = gamma * s + (1 - gamma) * g^2; p -= lr * g / sqrt(s + eps)</c>.
/// </summary>
public sealed class RmsProp : SlotOptimizer, IScheduledOptimizer
{
    private readonly Scalar one;
    private readonly Scalar gamma;
    private readonly Scalar oneMinusGamma;
    private readonly Scalar eps;

    /// <summary>Creates the optimizer and its state.</summary>
    public RmsProp(RmsPropOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 1, lr: (options ?? throw new ArgumentNullException(nameof(options))).Lr)
    {
        one = Hold(1);
        gamma = Hold(options.Gamma);
        oneMinusGamma = Hold(1 - options.Gamma);
        eps = Hold(options.Eps);
    }

    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var average = slots[0];
        Moments.UpdateSquaredMoment(average, gradient, gamma, oneMinusGamma);
        parameter.addcdiv_(gradient, average.add(eps, one).sqrt_(), HoldForStep(-LearningRate));
    }
}
