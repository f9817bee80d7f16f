using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.Adam;

/// <summary>
/// Adam from scratch with bias correction, eps outside the root (d2l 7.8; Kingma and Ba 2015).
/// Update: <c>v = beta1 v + (1 - beta1) g; s = beta2 s + (1 - beta2) g^2; p -= lr * v_hat / (sqrt(s_hat) + eps), t from 1</c>.
/// </summary>
/// <remarks>
/// The last line is computed as PyTorch's <c>torch.optim.Adam</c> computes it, which is the same in exact arithmetic
/// (<c>sqrt(s / c2) = sqrt(s) / sqrt(c2)</c> with <c>c2 = 1 - beta2^t</c>): <c>d = sqrt(s) / sqrt(c2) + eps;
/// p += (-lr / c1) v / d</c> with <c>c1 = 1 - beta1^t</c>. That is 8 passes over each parameter with one
/// temporary, where the chapter's literal form (two bias-corrected copies, then a quotient) makes 12 with three,
/// and on a model of a million parameters the step is a third of the epoch.
/// </remarks>
public sealed class Adam : SlotOptimizer, IScheduledOptimizer
{
    private readonly AdamOptions options;
    private readonly Scalar one;
    private readonly Scalar beta1;
    private readonly Scalar oneMinusBeta1;
    private readonly Scalar beta2;
    private readonly Scalar oneMinusBeta2;
    private readonly Scalar eps;

    /// <summary>Creates the optimizer and its state.</summary>
    public Adam(AdamOptions options, ParameterSet parameters)
        : base(parameters, slotCount: 2, lr: (options ?? throw new ArgumentNullException(nameof(options))).Lr)
    {
        this.options = options;
        one = Hold(1);
        beta1 = Hold(options.Betas[0]);
        oneMinusBeta1 = Hold(1 - options.Betas[0]);
        beta2 = Hold(options.Betas[1]);
        oneMinusBeta2 = Hold(1 - options.Betas[1]);
        eps = Hold(options.Eps);
    }

    /// <inheritdoc />
    protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots)
    {
        var (first, second) = (slots[0], slots[1]);
        Moments.UpdateMoment(first, gradient, beta1, oneMinusBeta1);
        Moments.UpdateSquaredMoment(second, gradient, beta2, oneMinusBeta2);
        var correction1 = 1 - Math.Pow(options.Betas[0], StepCount);
        var correction2 = 1 - Math.Pow(options.Betas[1], StepCount);
        var denominator = second.sqrt().div_(HoldForStep(Math.Sqrt(correction2))).add_(eps, one);
        parameter.addcdiv_(first, denominator, HoldForStep(-LearningRate / correction1));
    }
}
