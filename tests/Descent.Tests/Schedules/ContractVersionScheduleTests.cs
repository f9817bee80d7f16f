using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Descent.Tests.Schedules;

/// <summary>
/// A plugin built against contract 1.0 (tests/plugins/Descent.TestPlugins.LegacyContract, compiled against the
/// 1.0 contracts of Descent.TestPlugins.ContractsV1) still loads and runs at its constant rate on the 1.1 host;
/// asking for a schedule with it is refused when the trial is resolved, before anything runs.
/// </summary>
public sealed class ContractVersionScheduleTests
{
    [Test]
    public void The_test_plugin_really_references_contracts_1_0()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.LegacyContract");
        using var pe = new PEReader(File.OpenRead(dll));
        var reader = pe.GetMetadataReader();
        var contracts = reader.AssemblyReferences.Select(reader.GetAssemblyReference).Single(r => reader.GetString(r.Name) == "Descent.Contracts");

        Assert.That(contracts.Version, Is.EqualTo(new Version(1, 0, 0, 0)));
    }

    [Test]
    public void A_contract_1_0_plugin_still_runs_at_its_constant_rate()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.LegacyContract");
        var (catalog, services) = TestEngine.Build([PluginSearchPath.Bundled, folders.Root]);
        using var _ = services;

        var trial = TrialResolver.Resolve(TestEngine.Analytic("legacy-sgd", "quadratic2d", 3, "-5,-2", ("lr", "0.1"), ("f.a", "0.1"), ("f.b", "2")), catalog);
        var result = services.GetRequiredService<TrialRunner>().Run(trial);

        Assert.That(catalog.Find("legacy-sgd")!.Manifest.ContractVersion, Is.EqualTo("1.0"));
        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), result.Error);
        double x1 = -5, x2 = -2;
        for (int t = 0; t < 3; t++)
        {
            (x1, x2) = (x1 - (0.1 * (2 * (0.1 * x1))), x2 - (0.1 * (2 * (2 * x2))));
        }

        Assert.That(result.FinalParams, Is.EqualTo(new[] { x1, x2 }));
    }

    [Test]
    public void A_contract_1_0_plugin_under_a_schedule_is_refused_before_the_trial_with_its_contract_version()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.LegacyContract");
        var (catalog, services) = TestEngine.Build([PluginSearchPath.Bundled, folders.Root]);
        using var _ = services;
        var spec = TestEngine.Analytic("legacy-sgd", "quadratic2d", 3, "-5,-2") with { Schedule = "cosine" };

        var error = Assert.Throws<TrialConfigurationException>(() => TrialResolver.Resolve(spec, catalog));

        Assert.That(error!.Problems.Select(p => p.Message), Is.EqualTo(new[]
        {
            "optimizer 'legacy-sgd' was built against contract 1.0, which has no learning-rate schedules, so it cannot run under schedule 'cosine'; " +
            "remove the schedule to run it with its constant lr, or rebuild the plugin against Descent.Contracts 1.1 and implement IScheduledOptimizer",
        }));
    }

    [Test]
    public void A_1_1_optimizer_that_does_not_implement_the_interface_is_refused_too()
    {
        // flaky-sgd is built against 1.1 but holds its own constant lr (a SlotOptimizer without the interface).
        using var folders = new PluginFolders();
        folders.AddTestPlugin("Descent.TestPlugins.Flaky");
        var (catalog, services) = TestEngine.Build([PluginSearchPath.Bundled, folders.Root]);
        using var _ = services;
        var spec = TestEngine.Analytic("flaky-sgd", "quadratic2d", 3, "-5,-2") with { Schedule = "cosine" };

        var error = Assert.Throws<TrialConfigurationException>(() => TrialResolver.Resolve(spec, catalog));

        Assert.That(error!.Problems.Single().Message, Does.StartWith("optimizer 'flaky-sgd' does not implement IScheduledOptimizer, so schedule 'cosine' cannot set its learning rate"));
    }
}
