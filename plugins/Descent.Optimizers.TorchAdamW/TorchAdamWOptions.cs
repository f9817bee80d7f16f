using Descent.Contracts;

namespace Descent.Optimizers.TorchAdamW;

/// <summary>Hyperparameters of <see cref="TorchAdamW"/>, with PyTorch's names and defaults.</summary>
public sealed class TorchAdamWOptions
{
    /// <summary>Learning rate.</summary>
    [Hyperparameter("lr", Description = "learning rate", Minimum = 0)]
    public double Lr { get; set; } = 0.001;

    /// <summary>Decay rates of the first and second moment averages.</summary>
    [Hyperparameter("betas", Description = "decay of the first and second moment averages", Minimum = 0, Maximum = 1, MaximumExclusive = true, Length = 2)]
    public double[] Betas { get; set; } = [0.9, 0.999];

    /// <summary>Added to the square root of the second moment.</summary>
    [Hyperparameter("eps", Description = "added to the square root of the second moment", Minimum = 0)]
    public double Eps { get; set; } = 1e-8;

    /// <summary>Decoupled weight decay: p -= lr * weight_decay * p.</summary>
    [Hyperparameter("weight_decay", Description = "Decoupled weight decay: p -= lr * weight_decay * p", Minimum = 0)]
    public double WeightDecay { get; set; } = 0.01;

    /// <summary>Use the maximum of past second moments (AMSGrad, Reddi et al. 2018).</summary>
    [Hyperparameter("amsgrad", Description = "AMSGrad variant")]
    public bool Amsgrad { get; set; }

    /// <summary>Maximize the objective instead of minimizing it.</summary>
    [Hyperparameter("maximize", Description = "maximize instead of minimize")]
    public bool Maximize { get; set; }
}
