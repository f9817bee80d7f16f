using Descent.Contracts;

namespace DescentOptimizer1;

/// <summary>
/// Hyperparameters of <see cref="DescentOptimizer1Optimizer"/>. Each is a public property with a default and a
/// [Hyperparameter] attribute: PyTorch's name, a one-line description and the valid range. Supported types:
/// double, int, long, bool, string (with Choices), enums, and arrays (double[] such as betas, written 0.9,0.99).
/// Array defaults must not be null.
/// </summary>
public sealed class DescentOptimizer1Options
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0, MinimumExclusive = true)]
    public double Lr { get; set; } = 1e-3;

    /// <summary>Decay rates of the momentum interpolation and of the momentum itself.</summary>
    [Hyperparameter("betas", Description = "(beta1, beta2): interpolation and momentum decay", Minimum = 0, Maximum = 1, MaximumExclusive = true, Length = 2)]
    public double[] Betas { get; set; } = [0.9, 0.99];

    /// <summary>Decoupled weight decay.</summary>
    [Hyperparameter("weight_decay", Description = "decoupled weight decay", Minimum = 0)]
    public double WeightDecay { get; set; }
}
