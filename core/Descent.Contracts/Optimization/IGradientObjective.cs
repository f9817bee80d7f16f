using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// An objective that computes the gradient of its training loss directly, without building an autograd
/// graph: a faster path for small models, where the time goes into per-call overhead rather than
/// arithmetic. The trial loop uses it instead of <c>TrainingLoss(batch).backward()</c> unless the trial
/// asks for autograd. It must give what autograd gives (tests compare the two).
/// </summary>
public interface IGradientObjective : IObjective
{
    /// <summary>Sets every parameter's <c>grad</c> to the gradient of <see cref="IObjective.TrainingLoss"/> on <paramref name="batch"/>.</summary>
    void ComputeGradient(Batch batch);
}
