namespace Descent.Engine.Options;

/// <summary>The value types a hyperparameter can have.</summary>
public enum HyperparameterType
{
    /// <summary>A real number (<see cref="double"/>).</summary>
    Real,

    /// <summary>An integer (<see cref="int"/> or <see cref="long"/>).</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A string, possibly restricted to a list of choices.</summary>
    Text,

    /// <summary>One name of an enum.</summary>
    Choice,

    /// <summary>Comma-separated real numbers (<c>double[]</c>), e.g. <c>betas</c>.</summary>
    RealList,

    /// <summary>Comma-separated integers (<c>int[]</c>), e.g. hidden layer widths.</summary>
    IntegerList,
}
