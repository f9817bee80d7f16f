using Descent.Contracts;

namespace Descent.Optimizers.AdaGrad;

/// <summary>Hyperparameters of <see cref="AdaGrad"/>; defaults are the chapter's airfoil settings.</summary>
public sealed class AdaGradOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.1;

    /// <summary>Added to s inside the square root.</summary>
    [Hyperparameter("eps", Description = "added inside the square root", Minimum = 0, MinimumExclusive = true)]
    public double Eps { get; set; } = 1e-6;
}
