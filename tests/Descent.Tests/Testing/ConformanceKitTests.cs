using Descent.Contracts;
using Descent.Testing;
using Descent.Tests.Support;

namespace Descent.Tests.Testing;

/// <summary>
/// The conformance kit (the checks of <c>descent verify</c>) passes on every bundled plugin the catalog
/// discovers, so a new bundled plugin is checked without anyone adding it to a list.
/// </summary>
public sealed class ConformanceKitTests
{
    private static readonly string[] OptimizerChecks =
    [
        "manifest", "options class", "defaults valid", "ranges", "descriptions", "PyTorch names", "construction", "no gradient, no change",
        "progress", "zero gradients", "determinism", "state round trip", "memory", "dtype and device", "concurrency", "speed", "learning rate from the host",
    ];

    public static IEnumerable<string> BundledPlugins() => TestEngine.Catalog.Plugins.Select(p => p.Id).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(BundledPlugins))]
    public void A_bundled_plugin_passes_every_check(string id)
    {
        var plugin = TestEngine.Catalog.Find(id)!;
        var settings = VerifierSettings.Default with { Optimizers = new Descent.Engine.Composition.OptimizerFactory(TestEngine.Catalog, TestEngine.Services) };
        if (plugin.Kind == PluginKind.Optimizer && plugin.Instance.ImplementationType.IsAssignableTo(typeof(IClosureOptimizer)))
        {
            // An L-BFGS step at the kit's small rate evaluates its closure 20 times (max_iter) and costs 50 ms here: 2,000
            // steps would be most of the suite's time. TensorLeakTests runs these optimizers over 10,000 steps instead.
            settings = settings with { MemorySteps = 200 };
        }

        var verification = PluginVerifier.Verify(plugin.Instance, settings, Datasets.SharedAirfoilFile.RequireLocations());

        Assert.That(verification.Failures, Is.Empty, verification.ToString());
        if (plugin.Kind == PluginKind.Optimizer)
        {
            Assert.That(verification.Checks.Select(c => c.Check), Is.EqualTo(OptimizerChecks), verification.ToString());
        }
    }

    [Test]
    public void Progress_reports_the_losses_it_measured()
    {
        var verification = PluginVerifier.Verify(TestEngine.Catalog.Find("sgd")!.Instance);
        var progress = verification.Checks.Single(c => c.Check == "progress");

        // Plain SGD with lr 0.01 on f = 0.1 x1² + 2 x2² from (-5, -2): x1 shrinks by 0.998, x2 by 0.96 per step,
        // so after 50 steps f = 0.1 * 25 * 0.998^100 + 2 * 4 * 0.96^100 = 2.0466 + 0.1350 = 2.1814 (from 10.5).
        Assert.That(progress.Detail, Does.StartWith("50 steps with lr = 0.01: quadratic2d 10.5 -> 2.181;"));
    }
}
