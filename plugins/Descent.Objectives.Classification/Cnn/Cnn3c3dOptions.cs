using Descent.Contracts;

namespace Descent.Objectives.Classification;

/// <summary>Options of <see cref="Cnn3c3d"/>; the default is DeepOBS's <c>cifar10_3c3d</c>.</summary>
public sealed class Cnn3c3dOptions
{
    /// <summary>
    /// The L2 factor on the weights (not the biases), added to the training loss as
    /// <c>weight_decay / 2 * sum ||W||^2</c> as DeepOBS does; DeepOBS: 0.002. 0 disables it.
    /// </summary>
    [Hyperparameter("weight_decay", Description = "L2 penalty weight_decay/2 * sum ||W||^2 on the weights, not the biases, in the training loss (DeepOBS cifar10_3c3d: 0.002; 0: none)", Minimum = 0)]
    public double WeightDecay { get; set; } = 0.002;
}
