namespace Descent.Tests.Objectives;

/// <summary>
/// <c>xcos1d</c> against its closed form (d2l 7.1): f(x) = x cos(pi x), f'(x) = cos(pi x) - pi x sin(pi x).
/// Tolerance: the points are exact in float32, so the only errors are roundings in the dtype (unit roundoff e).
/// The argument pi x carries a relative error of about e (pi itself is rounded), which moves cos(pi x) by up to
/// pi |x| e, so f by pi x^2 e and pi x sin(pi x) by (pi x)^2 e; the products and the difference add e times their
/// operands. So |f error| &lt;= e |x| (2 + pi |x|) and |f' error| &lt;= e (1 + pi |x|)^2 + e, and the tests allow four times that.
/// </summary>
public sealed class XCos1dTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in new[] { "float64", "float32" }
        from x in new[] { -1, -0.25, 0.5, 1, 1.25, 2, 3.375 }
        select new TestCaseData(dtype, x);

    [TestCaseSource(nameof(Cases))]
    public void Value_and_gradient_follow_the_closed_form(string dtype, double x)
    {
        var (value, gradient) = ObjectiveProbe.At("xcos1d", dtype, [x]);

        Assert.That(value, Is.EqualTo(F(x)).Within(ValueTolerance(dtype, x)));
        Assert.That(gradient[0], Is.EqualTo(Slope(x)).Within(SlopeTolerance(dtype, x)));
    }

    /// <summary>
    /// The description's claims: a local minimum near -0.3 and the global one near 1.1 on [-1, 2]. The closed
    /// form's critical points (Newton on f' from -0.3 and 1.1: -0.27385 and 1.09041, f'' &gt; 0 at both) are
    /// where the objective's gradient vanishes (float64 tolerance as above), and no point of a fine grid over
    /// [-1, 2] lies below the one near 1.1.
    /// </summary>
    [Test]
    public void The_minima_lie_where_the_description_says()
    {
        double local = CriticalPointNear(-0.3), global = CriticalPointNear(1.1);
        double[] grid = [.. Enumerable.Range(0, 3001).Select(k => -1 + k / 1000.0)];

        double[] values = ObjectiveProbe.Evaluate("xcos1d", "float64", [.. grid.Select(x => new[] { x })]);

        Assert.That(local, Is.EqualTo(-0.27385).Within(1e-5));
        Assert.That(global, Is.EqualTo(1.09041).Within(1e-5));
        foreach (double x in new[] { local, global })
        {
            var (value, gradient) = ObjectiveProbe.At("xcos1d", "float64", [x]);
            Assert.That(gradient[0], Is.EqualTo(0.0).Within(SlopeTolerance("float64", x)), $"f'({x})");
            Assert.That(value, Is.EqualTo(F(x)).Within(ValueTolerance("float64", x)), $"f({x})");
            Assert.That(Curvature(x), Is.Positive, $"f''({x})");
        }

        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(F(global) - ValueTolerance("float64", global)));
        Assert.That(grid[Array.IndexOf(values, values.Min())], Is.EqualTo(global).Within(1e-3));
        Assert.That(F(global), Is.EqualTo(-1.04672).Within(1e-5));
    }

    private static double ValueTolerance(string dtype, double x) => 4 * ObjectiveProbe.Epsilon(dtype) * Math.Abs(x) * (2 + Math.PI * Math.Abs(x));

    private static double SlopeTolerance(string dtype, double x) => 4 * ObjectiveProbe.Epsilon(dtype) * (Math.Pow(1 + Math.PI * Math.Abs(x), 2) + 1);

    private static double F(double x) => x * Math.Cos(Math.PI * x);

    private static double Slope(double x) => Math.Cos(Math.PI * x) - Math.PI * x * Math.Sin(Math.PI * x);

    private static double Curvature(double x) => -2 * Math.PI * Math.Sin(Math.PI * x) - Math.PI * Math.PI * x * Math.Cos(Math.PI * x);

    private static double CriticalPointNear(double x)
    {
        for (int i = 0; i < 50; i++)
        {
            x -= Slope(x) / Curvature(x);
        }

        return x;
    }
}
