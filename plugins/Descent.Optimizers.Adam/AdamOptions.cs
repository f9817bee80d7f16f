using Descent.Contracts;

namespace Descent.Optimizers.Adam;

/// <summary>Hyperparameters of <see cref="Adam"/>; defaults are the chapter's airfoil settings.</summary>
public sealed class AdamOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.01;

    /// <summary>Decay rates of the first and second moment averages.</summary>
    [Hyperparameter("betas", Description = "decay of the first and second moment averages", Minimum = 0, Maximum = 1, MaximumExclusive = true, Length = 2)]
    public double[] Betas { get; set; } = [0.9, 0.999];

    /// <summary>Added to the root of the second moment (the chapter: 1e-6).</summary>
    [Hyperparameter("eps", Description = "added to the square root of the second moment", Minimum = 0, MinimumExclusive = true)]
    public double Eps { get; set; } = 1e-6;
}
