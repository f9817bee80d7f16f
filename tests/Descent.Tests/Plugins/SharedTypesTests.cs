using System.Reflection;
using Descent.Contracts;
using Descent.Engine.Plugins;
using Descent.Tests.Support;
using McMaster.NETCore.Plugins;

namespace Descent.Tests.Plugins;

/// <summary>
/// Why the host shares the contracts (and TorchSharp) with every plugin's load context: a plugin that
/// carries its own copy of Descent.Contracts.dll would otherwise define its own IPlugin, a different
/// type from the host's, and discovery would find nothing in it.
/// </summary>
public sealed class SharedTypesTests
{
    private const string PluginName = "Descent.TestPlugins.OwnContractsCopy";

    [Test]
    public void The_test_plugin_really_carries_its_own_contracts()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin(PluginName);

        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(dll)!, "Descent.Contracts.dll")), Is.True);
    }

    [Test]
    public void With_shared_types_the_host_uses_its_own_contracts_and_the_plugin_loads()
    {
        using var folders = new PluginFolders();
        folders.AddTestPlugin(PluginName);

        var catalog = PluginCatalog.Load([folders.Root]);

        Assert.That(catalog.Failures, Is.Empty);
        var plugin = catalog.Find("copied-contracts");
        Assert.That(plugin, Is.Not.Null);
        Assert.That(plugin!.Instance.GetType().GetInterfaces(), Does.Contain(typeof(IPlugin)));
    }

    [Test]
    public void Without_shared_types_the_plugins_IPlugin_is_a_different_type_and_discovery_finds_nothing()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin(PluginName);

        using var loader = PluginLoader.CreateFromAssemblyFile(dll, configure: c => c.PreferSharedTypes = false);
        var assembly = loader.LoadDefaultAssembly();
        var entry = assembly.GetType("Descent.TestPlugins.OwnContractsCopy.CopiedContractsPlugin", throwOnError: true)!;
        var theirIPlugin = entry.GetInterfaces().Single(i => i.Name == nameof(IPlugin));

        Assert.That(theirIPlugin, Is.Not.EqualTo(typeof(IPlugin)));
        Assert.That(theirIPlugin.Assembly.Location, Is.Not.EqualTo(typeof(IPlugin).Assembly.Location));
        Assert.That(assembly.GetExportedTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t)), Is.Empty);
        Assert.That(() => (IPlugin)Activator.CreateInstance(entry)!, Throws.InstanceOf<InvalidCastException>());
    }

    [Test]
    public void A_plugin_gets_its_own_copy_of_a_dependency_the_host_also_has_in_another_version()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.OwnYaml");
        var own = AssemblyName.GetAssemblyName(Path.Combine(Path.GetDirectoryName(dll)!, "YamlDotNet.dll")).Version;
        var hosts = typeof(YamlDotNet.Serialization.SerializerBuilder).Assembly.GetName().Version;

        var catalog = PluginCatalog.Load([folders.Root]);

        Assert.That(catalog.Failures, Is.Empty);
        Assert.That(own, Is.Not.EqualTo(hosts), "the test plugin must carry another YamlDotNet than the host's");
        Assert.That(catalog.Find("own-yaml")!.Manifest.Description, Is.EqualTo($"yaml {own}"));
    }

    [Test]
    public void A_folder_with_its_own_contracts_and_TorchSharp_gets_one_warning_that_says_how_to_fix_the_csproj()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin(PluginName);

        var catalog = PluginCatalog.Load([folders.Root]);
        var run = Descent.Tests.Support.CliRun.Of("plugins", "--plugins", folders.Root);

        Assert.That(catalog.Warnings.Select(w => (w.Path, w.PluginId)), Is.EqualTo(new[] { (Path.GetDirectoryName(dll)!, (string?)null) }));
        Assert.That(catalog.Warnings[0].Message, Does.StartWith(
            "carries its own Descent.Contracts.dll, TorchSharp.dll, Microsoft.Extensions.DependencyInjection.Abstractions.dll; the host's copies are used instead."));
        Assert.That(catalog.Warnings[0].Message, Does.Contain("Private=\"false\" ExcludeAssets=\"runtime;native\""));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error.Split('\n').Count(l => l.Contains("carries its own", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(run.Out, Does.Contain("copied-contracts"));
    }
}
