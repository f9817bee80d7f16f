using Descent.Contracts;

namespace Descent.Optimizers.Momentum;

/// <summary>Hyperparameters of <see cref="Momentum"/>; defaults are the chapter's airfoil settings.</summary>
public sealed class MomentumOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.004;

    /// <summary>Momentum factor (the chapter's gamma); the effective step is lr / (1 - momentum).</summary>
    [Hyperparameter("momentum", Description = "momentum factor (the chapter's gamma)", Minimum = 0, Maximum = 1, MaximumExclusive = true)]
    public double MomentumFactor { get; set; } = 0.9;
}
