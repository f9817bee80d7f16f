using Descent.Plotting;

namespace Descent.Cli.Output;

/// <summary>
/// Renders a throw-away picture on a background thread. The first picture of a process pays for loading
/// SkiaSharp and its fonts and compiling the plotting code (about 150 ms here); started while the plugins
/// load and the trial runs, that cost overlaps with them instead of following them.
/// </summary>
internal static class PictureWarmup
{
    public static void Start() => _ = Task.Run(() =>
    {
        string file = Path.Combine(Path.GetTempPath(), $"descent-warmup-{Guid.NewGuid():N}.png");
        try
        {
            LossCurvePlot.SavePng(file, [new LossSeries("", [0, 1], [1, 0.5])], "step", "warm-up");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
        {
            // The real picture will report any problem.
        }
        finally
        {
            File.Delete(file);
        }
    });
}
