using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Optimizers;

/// <summary>
/// sam over a base optimizer (Foret et al. 2021; davda54/sam's step): checked against its update derived by hand
/// in float64, bit for bit, and its closure calls counted.
/// </summary>
public sealed class SamTests
{
    /// <summary>
    /// sam over sgd on f = 0.1 x1² + 2 x2² from (-5, -2), lr 0.1, rho 0.05, two steps. Per step: g = ∇f(w) = (0.2 x1, 4 x2)
    /// (autograd's a·(2x), exactly 2·(a·x)); e = g · (rho / (√(g1² + g2²) + 1e-12)); g' = ∇f(w + e); w ← w − lr·g'.
    /// </summary>
    [TestCase(false)]
    [TestCase(true)]
    public void Sam_over_sgd_matches_the_hand_derived_update_bit_for_bit(bool adaptive)
    {
        var spec = TestEngine.Analytic("sam", "quadratic2d", 2, "-5,-2",
            ("base", "sgd"), ("lr", "0.1"), ("rho", "0.05"), ("adaptive", adaptive ? "true" : "false"), ("f.a", "0.1"), ("f.b", "2"));

        var result = TestEngine.Run(spec);

        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        double[] w = [-5, -2];
        double[] a = [0.1, 2];
        for (int step = 1; step <= 2; step++)
        {
            double[] g = [2 * (a[0] * w[0]), 2 * (a[1] * w[1])];
            double[] s = adaptive ? [Math.Abs(w[0]) * g[0], Math.Abs(w[1]) * g[1]] : g;
            double scale = 0.05 / (Math.Sqrt((s[0] * s[0]) + (s[1] * s[1])) + 1e-12);
            double[] e = adaptive ? [w[0] * w[0] * g[0] * scale, w[1] * w[1] * g[1] * scale] : [g[0] * scale, g[1] * scale];
            double[] ascended = [w[0] + e[0], w[1] + e[1]];
            double[] sharp = [2 * (a[0] * ascended[0]), 2 * (a[1] * ascended[1])];
            w = [w[0] - (0.1 * sharp[0]), w[1] - (0.1 * sharp[1])];
            Assert.That(result.History[step].Params, Is.EqualTo(w), $"after step {step}");
        }
    }

    [Test]
    public void Sam_calls_the_closure_twice_per_step_and_without_one_refuses_to_step()
    {
        var (optimizer, objective, scope) = Compose("sam");
        using var _ = scope;
        int calls = 0;
        var closure = LossClosure.For(objective, Batch.None);

        for (int i = 0; i < 3; i++)
        {
            using var step = TorchSharp.torch.NewDisposeScope();
            ((IClosureOptimizer)optimizer).Step(() => { calls++; return closure(); });
        }

        Assert.That(calls, Is.EqualTo(6));
        var error = Assert.Throws<InvalidOperationException>(() => optimizer.Step());
        Assert.That(error!.Message, Is.EqualTo("sam evaluates the loss twice per step: call Step(closure)"));
    }

    [Test]
    public void An_unknown_base_optimizer_stops_the_trial_at_setup_with_a_suggestion()
    {
        var error = Assert.Throws<TrialSetupException>(() => TestEngine.Run(TestEngine.Analytic("sam", "quadratic2d", 2, "-5,-2", ("base", "adamm"))));

        Assert.That(error!.Message, Does.StartWith("cannot create optimizer 'adamm': unknown optimizer 'adamm' (did you mean 'adam'?)"));
    }

    private static (IOptimizer Optimizer, IObjective Objective, IDisposable Scope) Compose(string optimizer)
    {
        var trial = TrialResolver.Resolve(TestEngine.Analytic(optimizer, "quadratic2d", 1, "-5,-2"), TestEngine.Catalog);
        var scope = Engine.Composition.TrialScope.Open(TestEngine.Services, trial, trial.CreateContext(DataLocations.None));
        var services = scope.ServiceProvider;
        return ((IOptimizer)services.GetService(typeof(IOptimizer))!, (IObjective)services.GetService(typeof(IObjective))!, scope);
    }
}
