using Descent.Contracts;

namespace Descent.Optimizers.Sgd;

/// <summary>Hyperparameters of <see cref="Sgd"/>; defaults are the chapter's airfoil settings.</summary>
public sealed class SgdOptions
{
    /// <summary>Learning rate (the chapter's airfoil run: 0.05 with batch 10).</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.05;
}
