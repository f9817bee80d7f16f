namespace Descent.Tests.Objectives;

/// <summary>
/// <c>cube1d</c> against its closed form (d2l 7.1): f(x) = x^3, f'(x) = 3 x^2; no minimum, a saddle point at 0 where
/// the gradient vanishes. The points are dyadic with few significant bits, so x^3 and 3 x^2 are representable in
/// float32 and float64 and IEEE arithmetic returns them exactly: the tests ask for equality.
/// </summary>
public sealed class Cube1dTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in new[] { "float64", "float32" }
        from x in new[] { 1, -2, 1.5, -0.75, 0.25, 40 }
        select new TestCaseData(dtype, x);

    [TestCaseSource(nameof(Cases))]
    public void Value_and_gradient_follow_the_closed_form(string dtype, double x)
    {
        var (value, gradient) = ObjectiveProbe.At("cube1d", dtype, [x]);

        Assert.That(value, Is.EqualTo(x * x * x));
        Assert.That(gradient, Is.EqualTo(new[] { 3 * x * x }));
    }

    /// <summary>At 0 value and slope vanish, but f is negative to the left and positive to the right: not a minimum.</summary>
    [TestCase("float64")]
    [TestCase("float32")]
    public void Zero_is_a_stationary_point_between_negative_and_positive_values(string dtype)
    {
        var (value, gradient) = ObjectiveProbe.At("cube1d", dtype, [0]);
        double[] around = ObjectiveProbe.Evaluate("cube1d", dtype, [[-0.5], [0.5]]);

        Assert.That(value, Is.EqualTo(0.0));
        Assert.That(gradient, Is.EqualTo(new[] { 0.0 }));
        Assert.That(around, Is.EqualTo(new[] { -0.125, 0.125 }));
    }
}
