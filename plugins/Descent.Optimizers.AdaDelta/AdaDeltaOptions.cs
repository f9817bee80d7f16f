using Descent.Contracts;

namespace Descent.Optimizers.AdaDelta;

/// <summary>Hyperparameters of <see cref="AdaDelta"/>; defaults are the chapter's airfoil settings.</summary>
public sealed class AdaDeltaOptions
{
    /// <summary>Decay of both running averages.</summary>
    [Hyperparameter("rho", Description = "decay of the running averages", Minimum = 0, Maximum = 1)]
    public double Rho { get; set; } = 0.9;

    /// <summary>Added to both averages inside the square root (the chapter: 1e-5).</summary>
    [Hyperparameter("eps", Description = "added inside the square root", Minimum = 0, MinimumExclusive = true)]
    public double Eps { get; set; } = 1e-5;
}
