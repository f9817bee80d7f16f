using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>The closure an <see cref="IClosureOptimizer"/> calls: clear the gradients, compute the training loss on the batch, back-propagate, return the loss.</summary>
public static class LossClosure
{
    /// <summary>A closure over <paramref name="objective"/> on <paramref name="batch"/> (the same batch on every call).</summary>
    public static Func<Tensor> For(IObjective objective, Batch batch)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return () =>
        {
            ParameterValues.ZeroGrad(objective.Parameters);
            var loss = objective.TrainingLoss(batch);
            loss.backward();
            return loss.detach();
        };
    }
}
