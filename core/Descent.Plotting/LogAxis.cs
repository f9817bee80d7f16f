using ScottPlot.TickGenerators;

namespace Descent.Plotting;

/// <summary>
/// A logarithmic axis the way every picture here draws one: the values are plotted as their log10 and the
/// ticks, at integer exponents with log-spaced minor ticks, are labeled by <see cref="PlotStyle.PowerOfTen"/>.
/// </summary>
public static class LogAxis
{
    /// <summary>Ticks at whole powers of ten, labeled as values (<c>0.01</c>, <c>1e-5</c>), with minor ticks between.</summary>
    public static NumericAutomatic Ticks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = PlotStyle.PowerOfTen,
    };

    /// <summary>
    /// True when there are at least two finite values, all of them positive, and the largest is more than
    /// <paramref name="decades"/> powers of ten above the smallest (a linear axis would flatten the small ones).
    /// Non-finite values are ignored.
    /// </summary>
    public static bool Spans(IEnumerable<double> values, double decades)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length > 1 && finite.All(v => v > 0) && finite.Max() / finite.Min() > Math.Pow(10, decades);
    }
}
