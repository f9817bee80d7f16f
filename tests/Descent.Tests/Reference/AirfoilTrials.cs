using Descent.Engine.Trials;
using Descent.Tests.Datasets;
using Descent.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Tests.Reference;

/// <summary>Runs the chapter's airfoil training (linear regression, float32) on the real file.</summary>
public static class AirfoilTrials
{
    private static readonly Lazy<IServiceProvider> Services = new(() => TestEngine.Build([Engine.Plugins.PluginSearchPath.Bundled], SharedAirfoilFile.RequireLocations()).Services);

    /// <summary>One trial that must finish; <paramref name="hyperparameters"/> as <c>name=value;name=value</c>.</summary>
    public static TrialResult Run(string optimizer, string hyperparameters, long seed, int batchSize = 10, int epochs = 2, bool autograd = false)
    {
        var result = RunAllowingAnyStatus(optimizer, hyperparameters, seed, batchSize, epochs, autograd);
        Assert.That(result.Status, Is.EqualTo(TrialStatus.Finished), $"{optimizer} {hyperparameters}: {result.Error}");
        return result;
    }

    /// <summary>One trial, however it ends.</summary>
    public static TrialResult RunAllowingAnyStatus(string optimizer, string hyperparameters, long seed, int batchSize = 10, int epochs = 2, bool autograd = false)
    {
        SharedAirfoilFile.RequireDirectory();
        var spec = new TrialSpec
        {
            Optimizer = optimizer,
            Hyperparameters = hyperparameters.Length == 0
                ? []
                : hyperparameters.Split(';').ToDictionary(h => h.Split('=')[0], h => h.Split('=')[1]),
            Objective = "linear-regression",
            Dataset = "airfoil",
            Training = new TrainingSettings(Epochs: epochs, BatchSize: batchSize, Autograd: autograd),
            Seed = seed,
        };
        var runner = Services.Value.GetRequiredService<TrialRunner>();
        var catalog = Services.Value.GetRequiredService<Engine.Plugins.PluginCatalog>();
        return runner.Run(TrialResolver.Resolve(spec, catalog));
    }
}
