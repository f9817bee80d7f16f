using ScottPlot;
using SkiaSharp;

namespace Descent.Plotting;

/// <summary>
/// Writes a plot as PNG with fast compression: PNG encoding at the default level took most of a sweep's
/// picture time (about 15 ms of 20 ms per picture); level 1 without row filters takes a fraction of that,
/// for files somewhat larger.
/// </summary>
public static class PngFile
{
    /// <summary>zlib level used for every picture (1 = fastest).</summary>
    public const int CompressionLevel = 1;

    /// <summary>Renders <paramref name="plot"/> at the given size and writes it to <paramref name="path"/>.</summary>
    public static void Save(Plot plot, string path, int width = PlotStyle.Width, int height = PlotStyle.Height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        using var surface = SKSurface.Create(new SKImageInfo(width, height)) ?? throw new InvalidOperationException($"cannot make a {width} x {height} drawing surface");
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.NoFilters, CompressionLevel))
            ?? throw new InvalidOperationException($"cannot encode {path} as PNG");
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
