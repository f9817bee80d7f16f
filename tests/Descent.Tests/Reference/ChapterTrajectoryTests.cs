using System.Globalization;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Reference;

/// <summary>
/// Every deterministic trace of the chapter (shared/REFERENCE.md section 1), run through the plugins as
/// the host loads them, in float64. The chapter prints x to 6 decimals (<c>%f</c>); the 1-D traces
/// are also given as float64 values, which must match exactly.
/// </summary>
public sealed class ChapterTrajectoryTests
{
    [TestCase(0.2, 0.06046617599999997)]
    [TestCase(0.05, 3.4867844009999995)]
    [TestCase(1.1, 61.917364224000096)]
    public void Gradient_descent_on_x_squared_ends_exactly_where_the_chapter_prints(double eta, double expected)
    {
        var result = TestEngine.Run(TestEngine.Analytic("sgd", "square1d", 10, "10", ("lr", Format(eta))));

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished));
        Assert.That(result.FinalParams[0], Is.EqualTo(expected), "float64 must reproduce the chapter bit for bit");
        Assert.That(result.History, Has.Count.EqualTo(11));
    }

    [TestCase("sgd", "1", "2", new[] { "lr=0.1" }, "-0.057646", "-0.000073", TestName = "GD eta 0.1 on x1^2 + 2 x2^2")]
    [TestCase("sgd", "0.1", "2", new[] { "lr=0.4" }, "-0.943467", "-0.000073", TestName = "GD eta 0.4 on 0.1 x1^2 + 2 x2^2")]
    [TestCase("sgd", "0.1", "2", new[] { "lr=0.6" }, "-0.387814", "-1673.365109", TestName = "GD eta 0.6 on 0.1 x1^2 + 2 x2^2 (diverges in x2)")]
    [TestCase("momentum", "0.1", "2", new[] { "lr=0.4", "momentum=0.5" }, "-0.062843", "0.001202", TestName = "momentum eta 0.4 gamma 0.5")]
    [TestCase("momentum", "0.1", "2", new[] { "lr=0.6", "momentum=0.5" }, "0.007188", "0.002553", TestName = "momentum eta 0.6 gamma 0.5")]
    [TestCase("adagrad", "0.1", "2", new[] { "lr=0.4" }, "-2.382563", "-0.158591", TestName = "AdaGrad eta 0.4")]
    [TestCase("adagrad", "0.1", "2", new[] { "lr=2" }, "-0.002295", "-0.000000", TestName = "AdaGrad eta 2")]
    [TestCase("rmsprop", "0.1", "2", new[] { "lr=0.4", "gamma=0.9" }, "-0.010599", "0.000000", TestName = "RMSProp eta 0.4 gamma 0.9")]
    public void Two_dimensional_runs_end_at_the_printed_point(string optimizer, string a, string b, string[] hyperparameters, string x1, string x2)
    {
        var settings = hyperparameters.Select(h => (h.Split('=')[0], h.Split('=')[1]))
            .Append(("f.a", a)).Append(("f.b", b)).ToArray();
        var result = TestEngine.Run(TestEngine.Analytic(optimizer, "quadratic2d", 20, "-5,-2", settings));

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished));
        Assert.That(Printed(result.FinalParams[0]), Is.EqualTo(x1));
        Assert.That(Printed(result.FinalParams[1]), Is.EqualTo(x2));
    }

    [Test]
    public void The_history_holds_every_iterate_from_the_start_point()
    {
        var result = TestEngine.Run(TestEngine.Analytic("sgd", "quadratic2d", 20, "-5,-2", ("lr", "0.1")));

        Assert.That(result.History, Has.Count.EqualTo(21));
        Assert.That(result.History[0].Params, Is.EqualTo(new[] { -5.0, -2.0 }));
        Assert.That(result.History[0].Loss, Is.EqualTo(25.0 + (2 * 4.0)));
        // One GD step by hand: x1 - 0.1 * 2 x1, x2 - 0.1 * 4 x2.
        Assert.That(result.History[1].Params, Is.EqualTo(new[] { -5.0 - (0.1 * 2 * -5.0), -2.0 - (0.1 * 4 * -2.0) }));
        Assert.That(result.History.Select(p => p.Step), Is.EqualTo(Enumerable.Range(0, 21).Select(i => (long)i)));
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>'%f' % x</c>: 6 decimals, a minus sign kept on values that round to zero.</summary>
    private static string Printed(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
