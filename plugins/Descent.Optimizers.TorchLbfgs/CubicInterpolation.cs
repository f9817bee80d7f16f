namespace Descent.Optimizers.TorchLbfgs;

/// <summary>
/// The minimizer of the cubic through two points with values and slopes, clamped to bounds: PyTorch's
/// <c>_cubic_interpolate</c> (ported there from torch/optim's polyinterp.lua), the same operations in the same order.
/// </summary>
internal static class CubicInterpolation
{
    /// <summary>
    /// With x2 the farther point: <c>d1 = g1 + g2 − 3 (f1 − f2)/(x1 − x2)</c>, <c>d2 = √(d1² − g1 g2)</c>,
    /// <c>x = x2 − (x2 − x1)(g2 + d2 − d1)/(g2 − g1 + 2 d2)</c>, clamped to [min, max] (default: the interval between the points);
    /// the bounds' midpoint when d1² − g1 g2 &lt; 0 (no real minimizer).
    /// </summary>
    public static double Minimize(double x1, double f1, double g1, double x2, double f2, double g2, (double Min, double Max)? bounds = null)
    {
        var (lower, upper) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1));
        double d1 = g1 + g2 - (3 * (f1 - f2) / (x1 - x2));
        double d2Square = (d1 * d1) - (g1 * g2);
        if (d2Square >= 0)
        {
            double d2 = Math.Sqrt(d2Square);
            double minimum = x1 <= x2
                ? x2 - ((x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + (2 * d2))))
                : x1 - ((x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + (2 * d2))));
            return Python.Min(Python.Max(minimum, lower), upper);
        }

        return (lower + upper) / 2.0;
    }
}
