using Descent.Contracts;
using Descent.Engine.Plugins;
using Descent.Tests.Support;

namespace Descent.Tests.Plugins;

/// <summary>
/// Discovery with real broken plugins: each bad plugin is skipped with one line that names its file,
/// and every other plugin (the bundled ones and good neighbours) still loads.
/// </summary>
public sealed class PluginDiscoveryTests
{
    private static readonly string[] BundledIds =
    [
        "adadelta", "adagrad", "adam", "momentum", "rmsprop", "sgd",
        "torch-adadelta", "torch-adagrad", "torch-adam", "torch-adamw", "torch-lbfgs", "torch-rmsprop", "torch-sgd",
        "cube1d", "quadratic2d", "rastrigin", "rosenbrock", "saddle2d", "square1d", "xcos1d",
    ];

    [Test]
    public void The_bundled_plugins_all_load_with_a_manifest_and_a_hash()
    {
        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled]);

        Assert.That(catalog.Failures, Is.Empty);
        Assert.That(catalog.Plugins.Select(p => p.Id), Is.SupersetOf(BundledIds));
        foreach (var plugin in catalog.Plugins)
        {
            Assert.That(plugin.Manifest.ContractVersion, Is.EqualTo(ContractInfo.Version), plugin.Id);
            Assert.That(plugin.AssemblySha256, Is.EqualTo(PluginAssemblyLoader.Sha256Of(plugin.AssemblyPath)).And.Length.EqualTo(64));
            Assert.That(Path.GetDirectoryName(plugin.AssemblyPath), Does.StartWith(PluginSearchPath.Bundled));
        }
    }

    [Test]
    public void A_third_party_plugin_from_another_directory_loads_beside_the_bundled_ones()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.SignSgd");

        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled, folders.Root]);

        Assert.That(catalog.Failures, Is.Empty);
        var plugin = catalog.Find("signsgd");
        Assert.That(plugin, Is.Not.Null);
        Assert.That(plugin!.Kind, Is.EqualTo(PluginKind.Optimizer));
        Assert.That(plugin.AssemblyPath, Is.EqualTo(dll));
        Assert.That(catalog.Plugins.Select(p => p.Id), Is.SupersetOf(BundledIds));
    }

    [Test]
    public void A_file_that_is_not_a_dotnet_assembly_is_skipped_with_its_reason()
    {
        using var folders = new PluginFolders();
        string garbage = folders.AddFile("NotAnAssembly", [.. "this is not a PE image"u8]);
        string native = folders.AddFile("NativeLibrary", File.ReadAllBytes(NativeLibraryPath()));

        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled, folders.Root]);

        Assert.That(catalog.Failures.Select(f => f.ToString()), Is.EquivalentTo(new[]
        {
            $"skipped plugin {native}: not a .NET assembly (the file is not a valid PE image); remove it or rebuild the plugin",
            $"skipped plugin {garbage}: not a .NET assembly (the file is not a valid PE image); remove it or rebuild the plugin",
        }));
        Assert.That(catalog.Plugins.Select(p => p.Id), Is.SupersetOf(BundledIds));
    }

    [Test]
    public void A_plugin_built_against_another_major_contract_version_is_refused_before_it_runs()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.FutureContract");

        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled, folders.Root]);

        Assert.That(catalog.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            $"skipped plugin {dll}: built against contract version 2.0, but this host provides 1.1; rebuild the plugin against Descent.Contracts 1.1",
        }));
        Assert.That(catalog.Find("future-sgd"), Is.Null);
        Assert.That(catalog.Plugins.Select(p => p.Id), Is.SupersetOf(BundledIds));
    }

    [Test]
    public void A_manifest_claiming_a_newer_minor_contract_is_refused()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.FutureManifest");

        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled, folders.Root]);

        Assert.That(catalog.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            $"skipped plugin {dll}: NewerMinorPlugin: plugin 'newer-minor' was built against contract version 1.9, but this host provides 1.1; rebuild the plugin against Descent.Contracts 1.1",
        }));
    }

    [Test]
    public void Plugins_that_throw_while_created_or_registering_are_skipped_and_their_neighbour_loads()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.Throwing");

        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled, folders.Root]);

        Assert.That(catalog.Failures.Select(f => f.ToString()), Is.EquivalentTo(new[]
        {
            $"skipped plugin {dll}: ThrowsWhenCreatedPlugin: threw while being created: constructor exploded (InvalidOperationException)",
            $"skipped plugin {dll}: ThrowsWhileRegisteringPlugin: threw while registering its services: registration exploded (InvalidOperationException)",
        }));
        Assert.That(catalog.Find("survivor"), Is.Not.Null);
        Assert.That(catalog.Plugins.Select(p => p.Id), Is.SupersetOf(BundledIds));
    }

    [Test]
    public void A_second_plugin_claiming_a_taken_id_is_skipped_and_the_first_keeps_it()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.DuplicateId");

        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled, folders.Root]);

        string bundledSgd = Path.Combine(PluginSearchPath.Bundled, "Descent.Optimizers.Sgd", "Descent.Optimizers.Sgd.dll");
        Assert.That(catalog.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            $"skipped plugin {dll}: plugin id 'sgd' is already taken by {bundledSgd}; ids must be unique, so rename one of them",
        }));
        Assert.That(catalog.Find("sgd")!.Version, Is.EqualTo("1.0.0"));
        Assert.That(catalog.Find("sgd")!.AssemblyPath, Is.EqualTo(bundledSgd));
    }

    [Test]
    public void A_folder_without_its_assembly_and_a_missing_directory_are_reported()
    {
        using var folders = new PluginFolders();
        string empty = Path.Combine(folders.Root, "Forgotten");
        Directory.CreateDirectory(empty);
        string missing = Path.Combine(folders.Root, "does-not-exist");

        var catalog = PluginCatalog.Load([PluginSearchPath.Bundled, folders.Root, missing]);

        Assert.That(catalog.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            $"skipped plugin {empty}: no Forgotten.dll in this folder (a plugin folder holds an assembly named after the folder)",
            $"skipped plugin {missing}: no such file or directory",
        }));
    }

    [Test]
    public void A_single_plugin_folder_or_dll_can_be_named_directly()
    {
        using var folders = new PluginFolders();
        string dll = folders.AddTestPlugin("Descent.TestPlugins.SignSgd");

        var byFolder = PluginCatalog.Load([Path.GetDirectoryName(dll)!]);
        var byFile = PluginCatalog.Load([dll]);

        Assert.That(byFolder.Plugins.Select(p => p.Id), Is.EqualTo(new[] { "signsgd" }));
        Assert.That(byFile.Plugins.Select(p => p.Id), Is.EqualTo(new[] { "signsgd" }));
    }

    /// <summary>
    /// A trial's identity includes each plugin's SHA-256, so the same source must build to the same bytes in
    /// any checkout and at any commit: no checkout path and no commit id inside the assemblies.
    /// </summary>
    [Test]
    public void Bundled_plugin_assemblies_carry_no_checkout_path_and_no_commit_id()
    {
        foreach (var plugin in PluginCatalog.Load([PluginSearchPath.Bundled]).Plugins.DistinctBy(p => p.AssemblyPath))
        {
            string text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(plugin.AssemblyPath));
            Assert.That(text, Does.Not.Contain(Repository.Root), plugin.AssemblyPath);
            var version = System.Diagnostics.FileVersionInfo.GetVersionInfo(plugin.AssemblyPath).ProductVersion;
            Assert.That(version, Does.Not.Contain("+"), $"{plugin.AssemblyPath}: informational version {version}");
        }
    }

    private static string NativeLibraryPath() =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
}
