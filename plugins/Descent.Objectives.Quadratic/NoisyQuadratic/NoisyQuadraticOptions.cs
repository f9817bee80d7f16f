using Descent.Contracts;

namespace Descent.Objectives.Quadratic;

/// <summary>Options of <see cref="NoisyQuadratic"/>; the defaults are DeepOBS's <c>quadratic_deep</c>.</summary>
public sealed class NoisyQuadraticOptions
{
    /// <summary>
    /// Dimension of θ and of the Hessian (DeepOBS: 100); the dataset's samples must have as many values. At most
    /// 1000: the Hessian is built in O(dim^3) when the trial starts.
    /// </summary>
    [Hyperparameter("dim", Description = "dimension of theta and of the Hessian; must equal the dataset's (DeepOBS: 100)", Minimum = 1, Maximum = 1000)]
    public int Dim { get; set; } = 100;

    /// <summary>The Hessian's own seed, independent of the trial's seed, so every trial of a comparison minimizes the same quadratic.</summary>
    [Hyperparameter("hessian_seed", Description = "the Hessian's own seed, independent of the trial seed (DeepOBS: 42)", Minimum = 0)]
    public long HessianSeed { get; set; } = 42;
}
