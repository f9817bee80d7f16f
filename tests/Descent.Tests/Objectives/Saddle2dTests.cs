namespace Descent.Tests.Objectives;

/// <summary>
/// <c>saddle2d</c> against its closed form (d2l 7.1): f(x) = x1^2 - x2^2, gradient (2 x1, -2 x2); a saddle point
/// at the origin. The points are dyadic with few significant bits, so every square, difference and double is
/// representable in float32 and float64 and IEEE arithmetic returns it exactly: the tests ask for equality.
/// </summary>
public sealed class Saddle2dTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in new[] { "float64", "float32" }
        from x in new[] { new[] { -1, 0.125 }, [0.5, -1.25], [3, 3], [-0.75, 2], [-64, 0.375] }
        select new TestCaseData(dtype, x);

    [TestCaseSource(nameof(Cases))]
    public void Value_and_gradient_follow_the_closed_form(string dtype, double[] x)
    {
        var (value, gradient) = ObjectiveProbe.At("saddle2d", dtype, x);

        Assert.That(value, Is.EqualTo(x[0] * x[0] - x[1] * x[1]));
        Assert.That(gradient, Is.EqualTo(new[] { 2 * x[0], -2 * x[1] }));
    }

    /// <summary>The gradient vanishes at the origin, yet f rises along x1 and falls along x2: a saddle, not a minimum.</summary>
    [TestCase("float64")]
    [TestCase("float32")]
    public void The_origin_is_a_stationary_saddle_point(string dtype)
    {
        var (value, gradient) = ObjectiveProbe.At("saddle2d", dtype, [0, 0]);
        double[] around = ObjectiveProbe.Evaluate("saddle2d", dtype, [[0.5, 0], [-0.5, 0], [0, 0.5], [0, -0.5]]);

        Assert.That(value, Is.EqualTo(0.0));
        Assert.That(gradient, Is.EqualTo(new[] { 0.0, 0.0 }));
        Assert.That(around, Is.EqualTo(new[] { 0.25, 0.25, -0.25, -0.25 }));
    }
}
