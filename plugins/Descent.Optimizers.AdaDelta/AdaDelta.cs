using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.AdaDelta;

/// <summary>
/// AdaDelta from scratch, no learning rate (d2l 7.7; Zeiler 2012).
/// Update: <c>s = rho * s + (1 - rho) * g^2; d = g * sqrt((delta + eps) / (s + eps)); p -= d; delta = rho * delta + (1 - rho) * d^2</c>.
/// </summary>
public sealed class AdaDelta : SlotOptimizer, IScheduledOptimizer
{
    private readonly Scalar one;
    private readonly Scalar rho;
    private readonly Scalar oneMinusRho;
    private readonly Scalar eps;

    /// <summary>Creates the optimizer and its state.</summary>
    public AdaDelta(AdaDeltaOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 2, lr: 1.0)
    {
        ArgumentNullException.ThrowIfNull(options);
        one = Hold(1);
        rho = Hold(options.Rho);
        oneMinusRho = Hold(1 - options.Rho);
        eps = Hold(options.Eps);
    }

    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var (average, delta) = (slots[0], slots[1]);
        Moments.UpdateSquaredMoment(average, gradient, rho, oneMinusRho);
        var change = delta.add(eps, one).div_(average.add(eps, one)).sqrt_().mul_(gradient);
        // The chapter's rule has no learning rate (an implicit 1, as PyTorch's Adadelta lr = 1.0); a schedule scales the change.
        parameter.sub_(LearningRate == 1.0 ? change : change.mul(Lr));
        Moments.UpdateSquaredMoment(delta, change, rho, oneMinusRho);
    }
}
