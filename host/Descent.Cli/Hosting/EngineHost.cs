using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace Descent.Cli.Hosting;

/// <summary>
/// The engine as the commands use it: plugins loaded from the search path (each skipped plugin reported
/// in one line), the service provider that composes trials, libtorch's thread count, and glibc's settings for
/// its memory (<see cref="NativeHeap"/>).
/// </summary>
public sealed class EngineHost : IDisposable
{
    private readonly ServiceProvider services;
    private readonly int threadsBefore;

    private EngineHost(PluginCatalog catalog, ServiceProvider services, DataLocations data, int threadsBefore)
    {
        Catalog = catalog;
        this.services = services;
        Data = data;
        this.threadsBefore = threadsBefore;
    }

    /// <summary>Where datasets look for files.</summary>
    public DataLocations Data { get; }

    /// <summary>The loaded plugins.</summary>
    public PluginCatalog Catalog { get; }

    /// <summary>The root service provider.</summary>
    public IServiceProvider Services => services;

    /// <summary>Runs trials.</summary>
    public TrialRunner Runner => services.GetRequiredService<TrialRunner>();

    /// <summary>Loads the plugins and builds the services, with the plugin and data directories the command line names.</summary>
    public static EngineHost Start(CliConsole console, System.CommandLine.ParseResult parsed, int threads = 1) =>
        Start(
            console,
            parsed.GetValue(Commands.GlobalOptions.Plugins) ?? [],
            Engine.Data.DataLocationsResolver.Resolve(parsed.GetValue(Commands.GlobalOptions.DataDir), parsed.GetValue(Commands.GlobalOptions.Offline)),
            threads);

    /// <summary>Loads the plugins and builds the services.</summary>
    public static EngineHost Start(CliConsole console, IEnumerable<string> pluginDirectories, DataLocations? data = null, int threads = 1)
    {
        var paths = PluginSearchPath.Resolve(pluginDirectories, Environment.GetEnvironmentVariable(PluginSearchPath.EnvironmentVariable));
        var catalog = PluginCatalog.Load(paths);
        foreach (var failure in catalog.Failures)
        {
            console.Warn(failure.ToString());
        }

        foreach (var warning in catalog.Warnings)
        {
            console.Warn(warning.ToString());
        }

        NativeHeap.KeepFreedMemory();
        int threadsBefore = torch.get_num_threads();
        torch.set_num_threads(threads);
        var services = new ServiceCollection()
            .AddDescentEngine(catalog, data)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new EngineHost(catalog, services, data ?? DataLocations.None, threadsBefore);
    }

    /// <summary>Disposes the services and gives libtorch back the thread count it had (a command run inside a test process leaves it as it found it).</summary>
    public void Dispose()
    {
        services.Dispose();
        torch.set_num_threads(threadsBefore);
    }
}
