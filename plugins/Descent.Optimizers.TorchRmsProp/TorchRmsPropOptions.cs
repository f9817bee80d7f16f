using Descent.Contracts;

namespace Descent.Optimizers.TorchRmsProp;

/// <summary>Hyperparameters of <see cref="TorchRmsProp"/>, with PyTorch's names and defaults.</summary>
public sealed class TorchRmsPropOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.01;

    /// <summary>Decay of the squared-gradient average (the chapter's gamma).</summary>
    [Hyperparameter("alpha", Description = "decay of the squared-gradient average", Minimum = 0, Maximum = 1)]
    public double Alpha { get; set; } = 0.99;

    /// <summary>Added to the square root of the average.</summary>
    [Hyperparameter("eps", Description = "added to the square root of the average", Minimum = 0)]
    public double Eps { get; set; } = 1e-8;

    /// <summary>L2 penalty added to the gradient (coupled weight decay).</summary>
    [Hyperparameter("weight_decay", Description = "L2 penalty added to the gradient (coupled weight decay)", Minimum = 0)]
    public double WeightDecay { get; set; } = 0;

    /// <summary>Momentum factor applied to the scaled step.</summary>
    [Hyperparameter("momentum", Description = "momentum factor", Minimum = 0, Maximum = 1, MaximumExclusive = true)]
    public double Momentum { get; set; }

    /// <summary>Normalize by the estimated variance instead of the second moment.</summary>
    [Hyperparameter("centered", Description = "centered RMSProp")]
    public bool Centered { get; set; }

    /// <summary>Maximize the objective instead of minimizing it.</summary>
    [Hyperparameter("maximize", Description = "maximize instead of minimize")]
    public bool Maximize { get; set; }
}
