using Descent.Testing;
using NUnit.Framework;

namespace DescentOptimizer1.Tests;

/// <summary>Runs Descent's conformance kit (the checks of `descent verify`) over the plugin: one test per check.</summary>
public class ConformanceTests
{
    private static readonly Lazy<PluginVerification> Verification = new(() => PluginVerifier.Verify(new DescentOptimizer1Plugin()));

    public static IEnumerable<string> Checks() => Verification.Value.Checks.Select(c => c.Check);

    [TestCaseSource(nameof(Checks))]
    public void Passes(string check)
    {
        var result = Verification.Value.Checks.Single(c => c.Check == check);
        Assert.That(result.Outcome, Is.Not.EqualTo(CheckOutcome.Fail), result.ToString());
        if (result.Outcome == CheckOutcome.Warning)
        {
            Assert.Warn(result.ToString());
        }
    }
}
