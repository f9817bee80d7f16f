using Descent.Testing;
using Descent.Tests.Support;

namespace Descent.Tests.Testing;

/// <summary>
/// <c>descent verify</c>'s kit on optimizers with one defect each (tests/plugins/Descent.TestPlugins.Defective),
/// loaded through the host's loader: each fails exactly the checks its defect breaks, with a message that
/// says what is wrong. A generator without a seed breaks every check that compares two runs.
/// </summary>
public sealed class DefectivePluginTests
{
    private static readonly Lazy<VerificationReport> Report = new(() =>
        PluginVerifier.VerifyPath(Path.Combine(TestEngine.TestPluginsDirectory, "Descent.TestPlugins.Defective")));

    [TestCase("defect-leak", new[] { "memory" }, "live tensors grew from")]
    [TestCase("defect-random", new[] { "determinism", "state round trip", "concurrency" }, "two runs of 30 steps differ in")]
    [TestCase("defect-stateless", new[] { "state round trip" }, "after save at step 10, load and 10 more steps")]
    [TestCase("defect-nan", new[] { "zero gradients" }, "10 steps on all-zero gradients gave [NaN")]
    [TestCase("defect-lr", new[] { "learning rate from the host" }, "created with lr = 0.02 and set to 0.01 before each of 20 steps")]
    [TestCase("defect-ctor", new[] { "construction" }, "threw ArgumentException: warmup must be set")]
    [TestCase("defect-dtype", new[] { "dtype and device" }, "float64 parameters moved only by steps that float32 represents exactly (15 of 15 non-zero steps, e.g. ")]
    public void Each_defect_fails_exactly_its_checks(string id, string[] failing, string message)
    {
        var verification = Report.Value.Plugins.Single(p => p.Id == id);

        Assert.That(verification.Failures.Select(f => f.Check), Is.EquivalentTo(failing), verification.ToString());
        Assert.That(verification.Failures.First().Detail, Does.Contain(message));
        Assert.That(verification.Failures.All(f => !string.IsNullOrEmpty(f.Fix)), Is.True, "every failure says how to fix it");
    }

    [Test]
    public void A_null_array_default_is_refused_when_the_host_loads_it()
    {
        Assert.That(Report.Value.LoadFailures, Has.Exactly(1).Contains("hyperparameter 'betas'").And.Contains("has no default (null)"));
        Assert.That(Report.Value.Passed, Is.False);
    }

    [Test]
    public void In_process_the_null_default_fails_the_options_class_check()
    {
        // Loaded into the test's own context, as a plugin's own test project has it.
        var assembly = System.Reflection.Assembly.LoadFrom(Path.Combine(TestEngine.TestPluginsDirectory, "Descent.TestPlugins.Defective", "Descent.TestPlugins.Defective.dll"));
        var plugin = (Descent.Contracts.IPlugin)Activator.CreateInstance(assembly.GetType("Descent.TestPlugins.Defective.NullDefaultPlugin", throwOnError: true)!)!;
        var verification = PluginVerifier.Verify(plugin);
        Assert.That(verification.Failures.Select(f => f.Check), Is.EqualTo(new[] { "options class" }));
    }
}
