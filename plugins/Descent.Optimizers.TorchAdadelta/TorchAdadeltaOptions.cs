using Descent.Contracts;

namespace Descent.Optimizers.TorchAdadelta;

/// <summary>Hyperparameters of <see cref="TorchAdadelta"/>, with PyTorch's names and defaults.</summary>
public sealed class TorchAdadeltaOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 1.0;

    /// <summary>Decay of both running averages.</summary>
    [Hyperparameter("rho", Description = "decay of the running averages", Minimum = 0, Maximum = 1)]
    public double Rho { get; set; } = 0.9;

    /// <summary>Added to both averages inside the square root.</summary>
    [Hyperparameter("eps", Description = "added to both averages inside the square root", Minimum = 0)]
    public double Eps { get; set; } = 1e-6;

    /// <summary>L2 penalty added to the gradient (coupled weight decay).</summary>
    [Hyperparameter("weight_decay", Description = "L2 penalty added to the gradient (coupled weight decay)", Minimum = 0)]
    public double WeightDecay { get; set; } = 0;

    /// <summary>Maximize the objective instead of minimizing it.</summary>
    [Hyperparameter("maximize", Description = "maximize instead of minimize")]
    public bool Maximize { get; set; }
}
