using ScottPlot;

namespace Descent.Plotting;

/// <summary>Colours and sizes shared by every picture (matplotlib's defaults, as in the chapter's figures).</summary>
public static class PlotStyle
{
    /// <summary>Picture width in pixels.</summary>
    public const int Width = 720;

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

    /// <summary>Shortens a title to fit the picture.</summary>
    public static string Title(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
