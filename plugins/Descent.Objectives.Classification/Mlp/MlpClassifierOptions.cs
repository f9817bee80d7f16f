using Descent.Contracts;

namespace Descent.Objectives.Classification;

/// <summary>Options of <see cref="MlpClassifier"/>; the defaults are DeepOBS's <c>fmnist_mlp</c> / <c>mnist_mlp</c>.</summary>
public sealed class MlpClassifierOptions
{
    /// <summary>Widths of the hidden layers; DeepOBS: 1000, 500, 100.</summary>
    [Hyperparameter("hidden", Description = "hidden layer widths (DeepOBS fmnist_mlp: 1000,500,100)", Minimum = 1, Maximum = 65536)]
    public int[] Hidden { get; set; } = [1000, 500, 100];

    /// <summary>The nonlinearity after each hidden layer; DeepOBS: ReLU.</summary>
    [Hyperparameter("activation", Description = "nonlinearity after each hidden layer")]
    public Activation Activation { get; set; } = Activation.Relu;
}
