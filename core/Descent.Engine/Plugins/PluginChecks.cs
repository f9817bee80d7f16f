using Descent.Contracts;
using Descent.Engine.Options;

namespace Descent.Engine.Plugins;

/// <summary>
/// What <c>descent plugins</c> warns about in a plugin that loaded: an optimizer's numeric hyperparameter
/// without a valid range (a bad value would reach the optimizer instead of being refused with the range),
/// and an optimizer whose constructor throws for its own default options.
/// </summary>
public static class PluginChecks
{
    /// <summary>The warnings for <paramref name="plugin"/>, in declaration order; empty when all is well.</summary>
    public static IReadOnlyList<PluginWarning> Check(LoadedPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var warnings = new List<PluginWarning>();
        if (plugin.Kind != PluginKind.Optimizer)
        {
            return warnings;
        }

        foreach (var h in plugin.Schema.Hyperparameters.Where(NeedsRange))
        {
            warnings.Add(new PluginWarning(plugin.AssemblyPath, plugin.Id, h.Name,
                $"hyperparameter '{h.Name}' ({plugin.Instance.OptionsType.Name}.{h.Property.Name}) has no valid range, so a bad value reaches the optimizer; " +
                $"declare one, e.g. [Hyperparameter(\"{h.Name}\", Minimum = 0)]"));
        }

        if (OptimizerProbe.Check(plugin, OptimizerProbe.Defaults(plugin)) is { } thrown)
        {
            warnings.Add(new PluginWarning(plugin.AssemblyPath, plugin.Id, null,
                $"its optimizer {plugin.Instance.ImplementationType.Name} cannot be created with the default options ({thrown}); every trial would fail: fix the defaults in {plugin.Instance.OptionsType.Name} or the check in the constructor"));
        }

        return warnings;
    }

    private static bool NeedsRange(HyperparameterDescriptor h) =>
        h.Type is HyperparameterType.Real or HyperparameterType.Integer or HyperparameterType.RealList or HyperparameterType.IntegerList && !h.IsBounded;
}
