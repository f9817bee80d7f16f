using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Tests.Support;

/// <summary>
/// The engine as the host builds it, over the bundled plugins loaded from this test's bin/plugins folder
/// through the real discovery path (the same McMaster loading a third-party DLL goes through).
/// </summary>
public static class TestEngine
{
    private static readonly Lazy<(PluginCatalog Catalog, ServiceProvider Services)> Bundled = new(() => Build([PluginSearchPath.Bundled]));

    /// <summary>The bundled plugins.</summary>
    public static PluginCatalog Catalog => Bundled.Value.Catalog;

    /// <summary>The root service provider over the bundled plugins.</summary>
    public static IServiceProvider Services => Bundled.Value.Services;

    /// <summary>Folders of the test plugins (good and broken), copied next to the tests.</summary>
    public static string TestPluginsDirectory => Path.Combine(AppContext.BaseDirectory, "test-plugins");

    /// <summary>Loads plugins from <paramref name="paths"/> and builds a service provider over them.</summary>
    public static (PluginCatalog Catalog, ServiceProvider Services) Build(IEnumerable<string> paths, DataLocations? data = null)
    {
        var catalog = PluginCatalog.Load(paths);
        var services = new ServiceCollection().AddDescentEngine(catalog, data).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return (catalog, services);
    }

    /// <summary>Resolves and runs a trial on the bundled plugins.</summary>
    public static TrialResult Run(TrialSpec spec, ITrialObserver? observer = null) =>
        Services.GetRequiredService<TrialRunner>().Run(TrialResolver.Resolve(spec, Catalog), observer);

    /// <summary>A float64 trial on an analytic objective.</summary>
    public static TrialSpec Analytic(string optimizer, string objective, int steps, string start, params (string Name, string Value)[] settings) => new()
    {
        Optimizer = optimizer,
        Objective = objective,
        Hyperparameters = settings.Where(s => !s.Name.StartsWith("f.", StringComparison.Ordinal)).ToDictionary(s => s.Name, s => s.Value),
        ObjectiveArgs = settings.Where(s => s.Name.StartsWith("f.", StringComparison.Ordinal)).ToDictionary(s => s.Name[2..], s => s.Value)
            .Append(new KeyValuePair<string, string>("start", start)).ToDictionary(),
        Training = new TrainingSettings(Steps: steps),
        DType = "float64",
    };
}
