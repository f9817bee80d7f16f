using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Reference;

/// <summary>A loss that stops being finite ends the trial early as diverged: a result, not a crash.</summary>
public sealed class DivergenceTests
{
    [Test]
    public void Gradient_descent_with_a_huge_step_on_x_squared_diverges_and_stops()
    {
        // x <- x - lr 2x = (1 - 2 lr) x: with lr 1e100 every step multiplies x by about -2e100, so x^2 overflows float64 in the second step.
        var result = TestEngine.Run(TestEngine.Analytic("sgd", "square1d", 50, "10", ("lr", "1e100")));

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Diverged));
        Assert.That(result.Steps, Is.EqualTo(2));
        Assert.That(result.History, Has.Count.EqualTo(3));
        Assert.That(double.IsPositiveInfinity(result.FinalLoss), Is.True);
        Assert.That(result.History[1].Loss, Is.EqualTo(Math.Pow(10 * (1 - (2 * 1e100)), 2)));
    }

    [Test]
    public void Minibatch_sgd_with_a_huge_learning_rate_on_airfoil_diverges_before_the_end()
    {
        var result = AirfoilTrials.RunAllowingAnyStatus("sgd", "lr=100", seed: 0);

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Diverged));
        Assert.That(result.Samples, Is.LessThan(3000), "stopped before the 2 epochs ended");
        Assert.That(result.History.Take(result.History.Count - 1).Select(p => p.Loss), Has.All.Matches<double>(double.IsFinite));
        Assert.That(double.IsFinite(result.History[^1].Loss), Is.False);
    }
}
