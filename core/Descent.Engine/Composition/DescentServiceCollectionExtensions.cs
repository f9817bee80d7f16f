using Descent.Contracts;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Descent.Engine.Composition;

/// <summary>Wires the engine: the plugins' own services, and per-trial factories for the dataset, objective, optimizer and schedule.</summary>
public static class DescentServiceCollectionExtensions
{
    /// <summary>
    /// Adds the loaded plugins and the trial runner. Each trial runs in its own scope; the scope creates
    /// the trial's plugins with their bound options (plus any registered services their constructors
    /// ask for) and disposes them when the trial ends.
    /// </summary>
    public static IServiceCollection AddDescentEngine(this IServiceCollection services, PluginCatalog catalog, DataLocations? data = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        services.AddSingleton(catalog);
        services.TryAddSingleton(data ?? DataLocations.None);
        foreach (var plugin in catalog.Plugins)
        {
            plugin.Instance.ConfigureServices(services);
        }

        services.AddScoped<TrialScope>();
        services.AddScoped(sp => sp.GetRequiredService<TrialScope>().Context);
        services.AddScoped(sp => Create<IDataset>(sp, sp.GetRequiredService<TrialScope>().Trial.Dataset
            ?? throw new TrialSetupException($"objective '{sp.GetRequiredService<TrialScope>().Trial.Objective.Id}' asked for a dataset, but the trial names none")));
        services.AddScoped(sp => DataFit.CreateObjective(sp.GetRequiredService<TrialScope>().Trial, sp, c => Create<IObjective>(sp, c)));
        services.AddScoped(sp => sp.GetRequiredService<IObjective>().Parameters);
        services.AddScoped(sp => Create<IOptimizer>(sp, sp.GetRequiredService<TrialScope>().Trial.Optimizer));
        services.AddScoped(sp => Create<ILearningRateSchedule>(sp, sp.GetRequiredService<TrialScope>().Trial.Schedule
            ?? throw new TrialSetupException("a learning-rate schedule was asked for, but the trial names none")));
        services.AddScoped<IOptimizerFactory>(sp => new OptimizerFactory(catalog, sp));
        services.TryAddSingleton<TrialRunner>();
        return services;
    }

    private static T Create<T>(IServiceProvider services, ResolvedComponent component)
        where T : class
    {
        try
        {
            return (T)ActivatorUtilities.CreateInstance(services, component.Plugin.Instance.ImplementationType, component.Options.Instance);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
