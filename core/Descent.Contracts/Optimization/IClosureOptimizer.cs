using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// An optimizer that evaluates the loss more than once per step (contract 1.1), as PyTorch's
/// <c>optimizer.step(closure)</c>: L-BFGS and its line search, sharpness-aware minimization. The trial loop
/// computes no gradient before such a step; it calls <see cref="Step(Func{Tensor})"/> with a closure and the
/// optimizer calls it as often as it needs, the first time for the gradient at the current point.
/// </summary>
/// <remarks>
/// The closure clears every gradient (sets it to none, as PyTorch 2's zero_grad() does), computes the training loss on the current batch (the same batch on
/// every call), back-propagates it and returns the loss, detached, as a scalar tensor in the step's dispose
/// scope. <see cref="IOptimizer.Step()"/> without a closure throws <see cref="InvalidOperationException"/>.
/// </remarks>
public interface IClosureOptimizer : IOptimizer
{
    /// <summary>One step, calling <paramref name="closure"/> as often as the method needs.</summary>
    /// <returns>The loss of the first call (PyTorch's <c>step(closure)</c> returns it too); owned by the step's dispose scope.</returns>
    Tensor Step(Func<Tensor> closure);
}
