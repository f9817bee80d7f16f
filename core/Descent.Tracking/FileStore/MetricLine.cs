using System.Globalization;
using Descent.Tracking.Model;

namespace Descent.Tracking.FileStore;

/// <summary>
/// One line of a FileStore metric file: <c>"&lt;timestamp_ms&gt; &lt;value&gt; &lt;step&gt;\n"</c>, the value in the
/// invariant culture's shortest round-trip form (<c>"R"</c>), NaN and infinities as Python writes them
/// (<c>nan</c>, <c>inf</c>, <c>-inf</c>) so MLflow's <c>float()</c> reads them back.
/// </summary>
public static class MetricLine
{
    /// <summary>The line, with its newline.</summary>
    public static string Format(Metric metric) =>
        $"{metric.Timestamp.ToString(CultureInfo.InvariantCulture)} {Value(metric.Value)} {metric.Step.ToString(CultureInfo.InvariantCulture)}\n";

    /// <summary>A value as the metric file writes it.</summary>
    public static string Value(double value) => value switch
    {
        double.NaN => "nan",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
    };

    /// <summary>Parses a line (2 or 3 fields, as MLflow accepts; a missing step is 0).</summary>
    /// <exception cref="FormatException">The line is malformed; the message quotes it.</exception>
    public static Metric Parse(string key, string line)
    {
        var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (2 or 3)
            || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long timestamp)
            || !TryParseValue(parts[1], out double value))
        {
            throw new FormatException($"metric '{key}': malformed line '{line}'; expected '<timestamp_ms> <value> <step>'");
        }

        long step = 0;
        if (parts.Length == 3 && !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out step))
        {
            throw new FormatException($"metric '{key}': malformed step in line '{line}'");
        }

        return new Metric(key, value, timestamp, step);
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan" or "+nan" or "-nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
