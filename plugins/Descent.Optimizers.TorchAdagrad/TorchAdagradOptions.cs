using Descent.Contracts;

namespace Descent.Optimizers.TorchAdagrad;

/// <summary>Hyperparameters of <see cref="TorchAdagrad"/>, with PyTorch's names and defaults.</summary>
public sealed class TorchAdagradOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.01;

    /// <summary>Learning-rate decay: lr / (1 + (t - 1) * lr_decay).</summary>
    [Hyperparameter("lr_decay", Description = "learning-rate decay", Minimum = 0)]
    public double LrDecay { get; set; }

    /// <summary>L2 penalty added to the gradient (coupled weight decay).</summary>
    [Hyperparameter("weight_decay", Description = "L2 penalty added to the gradient (coupled weight decay)", Minimum = 0)]
    public double WeightDecay { get; set; } = 0;

    /// <summary>Starting value of the sum of squared gradients.</summary>
    [Hyperparameter("initial_accumulator_value", Description = "starting value of the squared-gradient sum", Minimum = 0)]
    public double InitialAccumulatorValue { get; set; }

    /// <summary>Added to the square root of the sum.</summary>
    [Hyperparameter("eps", Description = "added to the square root of the sum", Minimum = 0)]
    public double Eps { get; set; } = 1e-10;
}
