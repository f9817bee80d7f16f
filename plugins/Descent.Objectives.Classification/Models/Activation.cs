namespace Descent.Objectives.Classification;

/// <summary>The nonlinearity between the hidden layers of <see cref="MlpClassifier"/>.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>1 / (1 + exp(-x)).</summary>
    Sigmoid,

    /// <summary>x Phi(x).</summary>
    Gelu,
}
