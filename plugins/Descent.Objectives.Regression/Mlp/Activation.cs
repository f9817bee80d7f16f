namespace Descent.Objectives.Regression;

/// <summary>The nonlinearity between the layers of <see cref="MlpRegression"/>.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>1 / (1 + exp(-x)).</summary>
    Sigmoid,

    /// <summary>x Phi(x), the Gaussian error linear unit.</summary>
    Gelu,
}
