using System.Globalization;

namespace Descent.Engine.Options;

/// <summary>Writes values the way files, the command line and MLflow params write them (invariant culture, round-trip).</summary>
public static class ValueFormat
{
    /// <summary>A number, shortest round-trip form; infinities as <c>inf</c> and <c>-inf</c>.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
    };

    /// <summary>Any supported hyperparameter value: numbers, booleans (lower case), enums (lower case), lists joined by commas.</summary>
    public static string Value(object? value) => value switch
    {
        null => "",
        double d => Number(d),
        float f => Number(f),
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double[] list => string.Join(",", list.Select(Number)),
        int[] list => string.Join(",", list.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        Enum e => e.ToString().ToLowerInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
