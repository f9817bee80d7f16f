using Descent.Contracts;

namespace Descent.Optimizers.RmsProp;

/// <summary>Hyperparameters of <see cref="RmsProp"/>; defaults are the chapter's airfoil settings.</summary>
public sealed class RmsPropOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.01;

    /// <summary>Decay of the squared-gradient average (PyTorch calls it alpha).</summary>
    [Hyperparameter("gamma", Description = "decay of the squared-gradient average (torch: alpha)", Minimum = 0, Maximum = 1, MaximumExclusive = true)]
    public double Gamma { get; set; } = 0.9;

    /// <summary>Added to s inside the square root (PyTorch adds it outside).</summary>
    [Hyperparameter("eps", Description = "added inside the square root", Minimum = 0, MinimumExclusive = true)]
    public double Eps { get; set; } = 1e-6;
}
