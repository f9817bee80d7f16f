namespace Descent.Contracts;

/// <summary>
/// Marks a public settable property of an options class as a hyperparameter that trials, the command
/// line (<c>--hp lr=0.1</c>) and experiment files can set. Supported types: <see cref="double"/>,
/// <see cref="int"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="string"/>, enums and
/// <c>double[]</c> (written <c>0.9,0.999</c>) and <c>int[]</c> (written <c>64,64</c>). The default is the value a new options instance holds.
/// Ranges apply to each number (each element of an array).
/// </summary>
/// <param name="name">The name in files and in MLflow; keep PyTorch's (<c>lr</c>, <c>betas</c>, <c>weight_decay</c>).</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class HyperparameterAttribute(string name) : Attribute
{
    /// <summary>The name in files and in MLflow.</summary>
    public string Name { get; } = name;

    /// <summary>One line: what it does.</summary>
    public string Description { get; init; } = "";

    /// <summary>Smallest valid value; <see cref="double.NegativeInfinity"/> when unbounded.</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    /// <summary>Largest valid value; <see cref="double.PositiveInfinity"/> when unbounded.</summary>
    public double Maximum { get; init; } = double.PositiveInfinity;

    /// <summary>True when <see cref="Minimum"/> itself is not valid.</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>True when <see cref="Maximum"/> itself is not valid.</summary>
    public bool MaximumExclusive { get; init; }

    /// <summary>For arrays: the required number of values (0: any number, at least one).</summary>
    public int Length { get; init; }

    /// <summary>For strings: the accepted values (empty: any string).</summary>
    public string[] Choices { get; init; } = [];
}
