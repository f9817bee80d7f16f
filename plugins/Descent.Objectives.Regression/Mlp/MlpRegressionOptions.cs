using Descent.Contracts;

namespace Descent.Objectives.Regression;

/// <summary>Options of <see cref="MlpRegression"/>.</summary>
public sealed class MlpRegressionOptions
{
    /// <summary>Widths of the hidden layers, e.g. <c>64,64</c>.</summary>
    [Hyperparameter("hidden", Description = "hidden layer widths", Minimum = 1, Maximum = 65536)]
    public int[] Hidden { get; set; } = [32];

    /// <summary>The nonlinearity after each hidden layer.</summary>
    [Hyperparameter("activation", Description = "nonlinearity after each hidden layer")]
    public Activation Activation { get; set; } = Activation.Relu;
}
