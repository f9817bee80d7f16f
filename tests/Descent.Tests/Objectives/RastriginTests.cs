namespace Descent.Tests.Objectives;

/// <summary>
/// <c>rastrigin</c> against its closed form (Rastrigin 1974): f(x) = A n + sum_i (x_i^2 - A cos(2 pi x_i)),
/// df/dx_i = 2 x_i + 2 pi A sin(2 pi x_i); global minimum 0 at the origin.
/// Tolerance: the points are exact in float32, so the only errors are roundings in the dtype (unit roundoff e).
/// The argument 2 pi x_i carries a relative error of about e (2 pi itself is rounded), which moves A cos by up to
/// 2 pi A |x_i| e and A 2 pi sin by up to (2 pi)^2 A |x_i| e; every other operation adds e times its operands.
/// So |f error| &lt;= e (3 A n + sum_i (2 x_i^2 + 2 pi A |x_i|)) and |df/dx_i error| &lt;= e (2 |x_i| + 2 pi A (1 + 2 pi |x_i|)),
/// and the tests allow four times that.
/// </summary>
public sealed class RastriginTests
{
    private static readonly double[][] Points2d = [[0.5, -1.25], [2.5, 2.5], [-4.75, 0.125], [1, -3], [5, 5.0625]];

    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in new[] { "float64", "float32" }
        from c in Points2d.Select(p => (Amplitude: 10.0, Point: p)).Append((Amplitude: 3.0, Point: new[] { 0.25, -0.5, 4 }))
        select new TestCaseData(dtype, c.Amplitude, c.Point);

    [TestCaseSource(nameof(Cases))]
    public void Value_and_gradient_follow_the_closed_form(string dtype, double amplitude, double[] x)
    {
        double e = ObjectiveProbe.Epsilon(dtype);

        var (value, gradient) = ObjectiveProbe.At("rastrigin", dtype, x, Amplitude(amplitude));

        Assert.That(value, Is.EqualTo(F(amplitude, x)).Within(4 * e * ValueScale(amplitude, x)));
        for (int i = 0; i < x.Length; i++)
        {
            double g = 2 * x[i] + 2 * Math.PI * amplitude * Math.Sin(2 * Math.PI * x[i]);
            double scale = 2 * Math.Abs(x[i]) + 2 * Math.PI * amplitude * (1 + 2 * Math.PI * Math.Abs(x[i]));
            Assert.That(gradient[i], Is.EqualTo(g).Within(4 * e * scale), $"df/dx{i + 1}");
        }
    }

    /// <summary>At the origin every term is exact: cos 0 = 1, sin 0 = 0, and -A n + A n = 0.</summary>
    [TestCase("float64")]
    [TestCase("float32")]
    public void The_minimum_is_exactly_zero_at_the_origin_where_the_gradient_vanishes(string dtype)
    {
        var (value, gradient) = ObjectiveProbe.At("rastrigin", dtype, [0, 0, 0], Amplitude(10));

        Assert.That(value, Is.EqualTo(0.0));
        Assert.That(gradient, Is.EqualTo(new[] { 0.0, 0.0, 0.0 }));
    }

    /// <summary>The plotting path (many points at once) gives the closed form too; at integer points every cosine is 1, so f = |x|^2.</summary>
    [Test]
    public void Evaluating_many_points_at_once_follows_the_closed_form()
    {
        double[][] points = [.. Points2d, [1, 0], [-2, 3]];

        double[] values = ObjectiveProbe.Evaluate("rastrigin", "float64", points);

        Assert.That(values, Has.Length.EqualTo(points.Length));
        for (int k = 0; k < points.Length; k++)
        {
            Assert.That(values[k], Is.EqualTo(F(10, points[k])).Within(4 * ObjectiveProbe.Epsilon("float64") * ValueScale(10, points[k])), $"point {k}");
        }

        Assert.That(values[^2], Is.EqualTo(1.0).Within(1e-12));
        Assert.That(values[^1], Is.EqualTo(13.0).Within(1e-12));
    }

    private static double F(double a, double[] x) => a * x.Length + x.Sum(xi => xi * xi - a * Math.Cos(2 * Math.PI * xi));

    private static double ValueScale(double a, double[] x) => 3 * a * x.Length + x.Sum(xi => 2 * xi * xi + 2 * Math.PI * a * Math.Abs(xi));

    private static (string, string) Amplitude(double a) => ("amplitude", a.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
}
