using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// The moving averages and sums that adaptive optimizers keep per parameter (optax's <c>update_moment</c>
/// and <c>update_moment_per_elem_norm</c>), each updated in place on a state tensor (a slot of
/// <see cref="SlotOptimizer"/>). With <c>weight = 1 - decay</c> an update is an exponential moving average:
/// Adam's v and s, RMSProp's s, AdaDelta's s and delta; with <c>decay</c> the momentum and <c>weight</c> the
/// learning rate, it is the chapter's momentum velocity; AdaGrad's s is <see cref="AccumulateSquare"/>.
/// </summary>
/// <remarks>
/// Pass held Scalars (<see cref="SlotOptimizer"/>'s <c>Hold</c>), not doubles; <see cref="HeldScalars"/> says why.
/// Call these inside <see cref="SlotOptimizer.Step"/>; none makes a temporary. The operations are PyTorch's
/// (<c>mul_</c>, then <c>add_</c> with an alpha or <c>addcmul_</c>), so a rule written with them rounds as
/// <c>torch.optim</c>'s does: libtorch's <c>add_</c> with an alpha is one fused multiply-add, which rounds
/// differently from a product added afterwards, and <c>lerp_</c> differently again.
/// </remarks>
public static class Moments
{
    /// <summary>
    /// <c>m = decay·m + weight·g</c>, in place (a multiply of m, then one <c>add_</c> of g with alpha weight).
    /// </summary>
    /// <param name="moment">The state tensor m, changed in place.</param>
    /// <param name="value">The new sample g (usually the gradient).</param>
    /// <param name="decay">How much of m stays, e.g. beta1 = 0.9.</param>
    /// <param name="weight">How much of g comes in, e.g. 1 - beta1.</param>
    /// <returns><paramref name="moment"/>.</returns>
    public static Tensor UpdateMoment(Tensor moment, Tensor value, Scalar decay, Scalar weight)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(value);
        return moment.mul_(decay).add_(value, weight);
    }

    /// <summary>
    /// <c>s = decay·s + weight·g²</c> (g² elementwise), in place (a multiply of s, then one <c>addcmul_</c>).
    /// </summary>
    /// <param name="moment">The state tensor s, changed in place.</param>
    /// <param name="value">The new sample g, squared elementwise.</param>
    /// <param name="decay">How much of s stays, e.g. beta2 = 0.999.</param>
    /// <param name="weight">How much of g² comes in, e.g. 1 - beta2.</param>
    /// <returns><paramref name="moment"/>.</returns>
    public static Tensor UpdateSquaredMoment(Tensor moment, Tensor value, Scalar decay, Scalar weight)
    {
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentNullException.ThrowIfNull(value);
        return moment.mul_(decay).addcmul_(value, value, weight);
    }

    /// <summary>
    /// <c>s = s + weight·g²</c> (g² elementwise), in place (one <c>addcmul_</c>): AdaGrad's sum of squared
    /// gradients with weight 1.
    /// </summary>
    /// <param name="sum">The state tensor s, changed in place.</param>
    /// <param name="value">The new sample g, squared elementwise.</param>
    /// <param name="weight">The factor of g², a held 1 for a plain sum.</param>
    /// <returns><paramref name="sum"/>.</returns>
    public static Tensor AccumulateSquare(Tensor sum, Tensor value, Scalar weight)
    {
        ArgumentNullException.ThrowIfNull(sum);
        ArgumentNullException.ThrowIfNull(value);
        return sum.addcmul_(value, value, weight);
    }
}
