using Descent.Contracts;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Engine.Plugins;

/// <summary>
/// Creates an optimizer once, on a two-element parameter, to learn before any trial runs whether its
/// constructor accepts the given options (a constructor that throws for its own defaults is a bug in the
/// plugin that would otherwise fail every trial). An optimizer that asks for services the probe does not
/// have (its plugin's own) is not judged.
/// </summary>
public static class OptimizerProbe
{
    /// <summary>Null when the optimizer can be created with <paramref name="options"/>; otherwise what its constructor said.</summary>
    public static string? Check(LoadedPlugin plugin, object options, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(options);
        var type = plugin.Instance.ImplementationType;
        if (!type.GetConstructors().Any(c => c.GetParameters().All(p => p.HasDefaultValue || Provided.Contains(p.ParameterType) || p.ParameterType == options.GetType())))
        {
            return null; // it needs services of its own plugin: only the trial's scope has them
        }

        using var tensors = NewDisposeScope();
        var parameters = new ParameterSet([("probe", new Parameter(zeros(2, dtype: ScalarType.Float64)))]);
        using var services = new ServiceCollection()
            .AddSingleton(new TrialContext(seed, ScalarType.Float64, CPU))
            .AddSingleton(parameters)
            .BuildServiceProvider();
        try
        {
            object created = ActivatorUtilities.CreateInstance(services, type, options);
            (created as IDisposable)?.Dispose();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ExceptionText.OneLine(e);
        }
    }

    /// <summary>The options class's defaults (a new instance).</summary>
    public static object Defaults(LoadedPlugin plugin) => Activator.CreateInstance(plugin.Instance.OptionsType)!;

    private static readonly Type[] Provided = [typeof(ParameterSet), typeof(TrialContext)];
}
