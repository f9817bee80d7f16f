using ScottPlot;

namespace Descent.Plotting;

/// <summary>Colours and sizes shared by every picture (matplotlib's defaults, as in the chapter's figures).</summary>
public static class PlotStyle
{
    /// <summary>Picture width in pixels.</summary>
    public const int Width = 720;

    /// <summary>Width of a picture whose legend sits right of the data area.</summary>
    public const int WideWidth = 960;

    /// <summary>Width of a small panel (one of several side by side).</summary>
    public const int PanelWidth = 480;

    /// <summary>Height of a small panel.</summary>
    public const int PanelHeight = 380;

    /// <summary>Picture height in pixels.</summary>
    public const int Height = 520;

    /// <summary>matplotlib's first colour (contours, curves).</summary>
    public static Color Blue { get; } = Color.FromHex("#1f77b4");

    /// <summary>matplotlib's second colour (the optimizer's path).</summary>
    public static Color Orange { get; } = Color.FromHex("#ff7f0e");

    /// <summary>The tab10 palette, for one colour per optimizer.</summary>
    public static IReadOnlyList<Color> Palette { get; } =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    /// <summary>
    /// The label of a tick on a logarithmic axis drawn as log10 of the values: <c>0.001</c> to <c>1000</c>
    /// written out, other powers of ten as <c>1e-5</c>, <c>1e6</c>.
    /// </summary>
    public static string PowerOfTen(double exponent)
    {
        double value = Math.Pow(10, exponent);
        double rounded = Math.Round(exponent);
        if (Math.Abs(exponent - rounded) > 1e-9)
        {
            return value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        }

        return rounded is >= -3 and <= 3
            ? value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
            : $"1e{rounded.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Shortens a title to fit the picture.</summary>
    public static string Title(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
