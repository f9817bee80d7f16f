using System.Globalization;

namespace Descent.Reports.Writing;

/// <summary>How the report writes numbers: invariant culture, as many digits as a comparison needs.</summary>
public static class ReportNumbers
{
    /// <summary>What a missing number shows as.</summary>
    public const string None = "–";

    /// <summary>A loss: 4 significant digits, trailing zeros kept (0.2430, 12.16, 5.269e-07), as the reference tables print them.</summary>
    public static string Loss(double? value) => value is { } v ? Significant(v, 4) : None;

    /// <summary>
    /// <paramref name="value"/> to <paramref name="digits"/> significant digits: fixed notation from 0.001 to
    /// below 100000, scientific outside (and for NaN and infinities, their names).
    /// </summary>
    public static string Significant(double value, int digits)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return 0.0.ToString("F" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        double magnitude = Math.Abs(value);
        if (magnitude is < 1e-3 or >= 1e5)
        {
            return Lower(value.ToString("0." + new string('0', digits - 1) + "e+00", CultureInfo.InvariantCulture));
        }

        // Round first: 0.99996 to 4 digits is 1.000, whose exponent is one higher.
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double rounded = Math.Round(value, Math.Max(0, digits - 1 - exponent), MidpointRounding.AwayFromZero);
        exponent = (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        return rounded.ToString("F" + Math.Max(0, digits - 1 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>An accuracy: 4 decimals (0.7968), as the DeepOBS tables print percentages to two.</summary>
    public static string Accuracy(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : None;

    /// <summary>A count, or the median of counts (which may end in .5): no decimals when whole, else one.</summary>
    public static string Count(double? value) => value is { } v ? v.ToString(v == Math.Floor(v) ? "F0" : "F1", CultureInfo.InvariantCulture) : None;

    /// <summary>A spread: 2 significant digits.</summary>
    public static string Spread(double? value) => value is { } v ? Lower(v.ToString("G2", CultureInfo.InvariantCulture)) : None;

    /// <summary>Seconds: 3 significant digits.</summary>
    public static string Seconds(double? value) => value is { } v ? Lower(v.ToString("G3", CultureInfo.InvariantCulture)) : None;

    /// <summary>A coordinate: 6 decimals, as the chapter prints final points (-0.943467); large values in G6.</summary>
    public static string Coordinate(double value) =>
        Math.Abs(value) < 1e6 ? value.ToString("F6", CultureInfo.InvariantCulture) : Lower(value.ToString("G6", CultureInfo.InvariantCulture));

    /// <summary>Milliseconds since the Unix epoch as a UTC date and time.</summary>
    public static string Time(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A point in time as a UTC date and time.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Lower(string text) => text.Replace("E", "e", StringComparison.Ordinal);
}
