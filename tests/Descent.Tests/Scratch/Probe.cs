using System.Diagnostics;
using Descent.Plotting;
namespace Descent.Tests.Scratch;
public sealed class Probe
{
    [Test]
    public void Time_pictures()
    {
        var x = Enumerable.Range(0, 31).Select(i => i / 15.0).ToArray();
        var y = x.Select(v => 0.5 * Math.Exp(-v) + 0.24).ToArray();
        string dir = Path.Combine(Path.GetTempPath(), "probe"); Directory.CreateDirectory(dir);
        LossCurvePlot.SavePng(Path.Combine(dir, "w.png"), [new LossSeries("", x, y)], "epoch", "warm");
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 20; i++) LossCurvePlot.SavePng(Path.Combine(dir, $"l{i}.png"), [new LossSeries("", x, y)], "epoch", "title " + i);
        TestContext.Out.WriteLine($"loss png: {sw.Elapsed.TotalMilliseconds / 20:F1} ms each");
    }
}
