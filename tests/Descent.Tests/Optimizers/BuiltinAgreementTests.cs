using Descent.Engine.Trials;
using Descent.Tests.Support;

namespace Descent.Tests.Optimizers;

/// <summary>
/// From-scratch optimizers against TorchSharp's built-ins where the update rules are the same, in
/// float64 on 0.1 x1^2 + 2 x2^2 from (-5, -2), 20 steps. The pairs:
/// <list type="bullet">
/// <item>sgd = torch-sgd: p -= lr g.</item>
/// <item>momentum = torch-sgd with momentum, dampening 0: the chapter keeps v = lr b where PyTorch keeps b (b = m b + g, p -= lr b); equal for a constant lr.</item>
/// <item>adadelta = torch-adadelta with lr 1 and the same eps: identical rules.</item>
/// <item>adam = torch-adam with the same eps: both put eps outside the root; PyTorch divides sqrt(s) by sqrt(1 - beta2^t) instead of taking sqrt(s / (1 - beta2^t)).</item>
/// <item>adagrad, rmsprop = torch-adagrad, torch-rmsprop only when eps vanishes: the chapter adds eps inside the square root, PyTorch outside.
/// With eps 1e-300 (scratch; must be positive) and 0 (torch) the rules coincide.</item>
/// </list>
/// Same rules differ only by rounding (operation order, fused multiply-adds): relative 1e-12 allows
/// a few hundred ulps over 20 steps.
/// </summary>
public sealed class BuiltinAgreementTests
{
    private const double SameRuleTolerance = 1e-12;

    private static readonly object[] SameRulePairs =
    [
        new object[] { "sgd", "lr=0.4", "torch-sgd", "lr=0.4" },
        new object[] { "momentum", "lr=0.4;momentum=0.5", "torch-sgd", "lr=0.4;momentum=0.5" },
        new object[] { "momentum", "lr=0.6;momentum=0.5", "torch-sgd", "lr=0.6;momentum=0.5" },
        new object[] { "adadelta", "rho=0.9;eps=1e-5", "torch-adadelta", "lr=1;rho=0.9;eps=1e-5" },
        new object[] { "adam", "lr=0.1;betas=0.9,0.999;eps=1e-8", "torch-adam", "lr=0.1;betas=0.9,0.999;eps=1e-8" },
        new object[] { "adagrad", "lr=0.4;eps=1e-300", "torch-adagrad", "lr=0.4;eps=0" },
        new object[] { "rmsprop", "lr=0.01;gamma=0.9;eps=1e-300", "torch-rmsprop", "lr=0.01;alpha=0.9;eps=0" },
    ];

    [TestCaseSource(nameof(SameRulePairs))]
    public void Same_rule_gives_the_same_trajectory(string scratch, string scratchHp, string builtin, string builtinHp)
    {
        var ours = Run(scratch, scratchHp);
        var theirs = Run(builtin, builtinHp);

        Assert.That(ours.History, Has.Count.EqualTo(theirs.History.Count));
        for (int step = 0; step < ours.History.Count; step++)
        {
            for (int i = 0; i < 2; i++)
            {
                double a = ours.History[step].Params![i], b = theirs.History[step].Params![i];
                Assert.That(a, Is.EqualTo(b).Within(SameRuleTolerance * Math.Max(1, Math.Abs(b))), $"step {step}, x{i + 1}");
            }
        }
    }

    /// <summary>
    /// RMSProp with eps 1e-6 in both: the chapter divides by sqrt(s + eps), PyTorch by sqrt(s) + eps.
    /// While s is far above eps the two agree to about eps / sqrt(s) relative; this run stays in that
    /// regime for 5 steps (s >= 0.1 * g^2 with |g| >= 0.4), so each step differs by at most ~1e-5
    /// relative and the points by less than 1e-4 after 5 steps. Near the optimum, where s falls to eps,
    /// the rules part ways; the airfoil comparison (where the gradient stays large) agrees to ~1e-7.
    /// </summary>
    [Test]
    public void Eps_placement_changes_rmsprop_only_by_about_eps_over_root_s()
    {
        var ours = Run("rmsprop", "lr=0.1;gamma=0.9;eps=1e-6", steps: 5);
        var theirs = Run("torch-rmsprop", "lr=0.1;alpha=0.9;eps=1e-6", steps: 5);

        for (int i = 0; i < 2; i++)
        {
            double a = ours.FinalParams[i], b = theirs.FinalParams[i];
            Assert.That(a, Is.EqualTo(b).Within(1e-4 * Math.Abs(b)));
            Assert.That(a, Is.Not.EqualTo(b), "the rules do differ");
        }
    }

    private static TrialResult Run(string optimizer, string hyperparameters, int steps = 20)
    {
        var settings = hyperparameters.Split(';').Select(h => (h.Split('=')[0], h.Split('=')[1]))
            .Append(("f.a", "0.1")).Append(("f.b", "2")).ToArray();
        var result = TestEngine.Run(TestEngine.Analytic(optimizer, "quadratic2d", steps, "-5,-2", settings));
        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), $"{optimizer}: {result.Error}");
        return result;
    }
}
