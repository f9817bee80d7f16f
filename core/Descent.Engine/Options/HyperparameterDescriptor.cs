using System.Reflection;

namespace Descent.Engine.Options;

/// <summary>One hyperparameter of an options class: name, type, default and valid range.</summary>
public sealed record HyperparameterDescriptor(
    string Name,
    string Description,
    HyperparameterType Type,
    object? Default,
    double Minimum,
    double Maximum,
    bool MinimumExclusive,
    bool MaximumExclusive,
    int Length,
    IReadOnlyList<string> Choices,
    PropertyInfo Property)
{
    /// <summary>True when the numbers have a lower or upper bound.</summary>
    public bool IsBounded => !double.IsNegativeInfinity(Minimum) || !double.IsPositiveInfinity(Maximum);

    /// <summary>Type in words: <c>real</c>, <c>integer</c>, <c>bool</c>, <c>string</c>, <c>choice</c>, <c>real[2]</c>.</summary>
    public string TypeName => Type switch
    {
        HyperparameterType.Real => "real",
        HyperparameterType.Integer => "integer",
        HyperparameterType.Boolean => "bool",
        HyperparameterType.Text => "string",
        HyperparameterType.Choice => "choice",
        HyperparameterType.RealList => Length > 0 ? $"real[{Length}]" : "real[]",
        HyperparameterType.IntegerList => Length > 0 ? $"integer[{Length}]" : "integer[]",
        _ => Type.ToString(),
    };

    /// <summary>The valid values in words: <c>[0, inf)</c>, <c>(0, 1]</c>, <c>true or false</c>, <c>one of: a, b</c>.</summary>
    public string RangeText => Type switch
    {
        HyperparameterType.Boolean => "true or false",
        HyperparameterType.Text when Choices.Count == 0 => "any text",
        HyperparameterType.Text or HyperparameterType.Choice => "one of: " + string.Join(", ", Choices),
        _ when !IsBounded => Type is HyperparameterType.Integer or HyperparameterType.IntegerList ? "any integer" : "any real",
        _ => (MinimumExclusive || double.IsNegativeInfinity(Minimum) ? "(" : "[") + ValueFormat.Number(Minimum) + ", " +
             ValueFormat.Number(Maximum) + (MaximumExclusive || double.IsPositiveInfinity(Maximum) ? ")" : "]"),
    };

    /// <summary>The default, written the way the command line and files write values.</summary>
    public string DefaultText => ValueFormat.Value(Default);

    /// <summary>True when <paramref name="value"/> lies in the valid range.</summary>
    public bool Contains(double value) =>
        !double.IsNaN(value) &&
        (MinimumExclusive ? value > Minimum : value >= Minimum) &&
        (MaximumExclusive ? value < Maximum : value <= Maximum);
}
