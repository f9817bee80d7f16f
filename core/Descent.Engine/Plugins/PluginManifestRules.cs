using System.Text.RegularExpressions;
using Descent.Contracts;

namespace Descent.Engine.Plugins;

/// <summary>What a manifest must satisfy: a well-formed id and version, a compatible contract version, and types that match its kind.</summary>
public static partial class PluginManifestRules
{
    /// <summary>Null when the manifest is acceptable; otherwise what is wrong with it.</summary>
    public static string? Check(PluginManifest manifest, IPlugin plugin)
    {
        if (string.IsNullOrEmpty(manifest.Id) || !IdPattern().IsMatch(manifest.Id))
        {
            return $"invalid id '{manifest.Id}': use lower-case letters, digits and '-', starting with a letter (e.g. 'my-adam')";
        }

        if (!System.Version.TryParse(manifest.Version?.Split('-', '+')[0], out _))
        {
            return $"plugin '{manifest.Id}' has invalid version '{manifest.Version}'; use semantic versioning (e.g. '1.0.0')";
        }

        if (!System.Version.TryParse(manifest.ContractVersion, out var contract))
        {
            return $"plugin '{manifest.Id}' has invalid contract version '{manifest.ContractVersion}'";
        }

        string? incompatible = PluginAssemblyInspector.CheckContractVersion(contract);
        if (incompatible is not null)
        {
            return $"plugin '{manifest.Id}' was {incompatible}";
        }

        var required = manifest.Kind switch
        {
            PluginKind.Optimizer => typeof(IOptimizer),
            PluginKind.Objective => typeof(IObjective),
            PluginKind.Dataset => typeof(IDataset),
            PluginKind.Schedule => typeof(ILearningRateSchedule),
            _ => null,
        };
        if (required is null)
        {
            return $"plugin '{manifest.Id}' has unknown kind {(int)manifest.Kind}";
        }

        if (plugin.ImplementationType is null || !required.IsAssignableFrom(plugin.ImplementationType) || plugin.ImplementationType.IsAbstract)
        {
            return $"plugin '{manifest.Id}' is a {manifest.Kind.ToString().ToLowerInvariant()} plugin, but {plugin.ImplementationType?.Name ?? "its implementation type"} is not a concrete {required.Name}";
        }

        if (manifest.Kind == PluginKind.Objective && plugin is not IObjectivePlugin)
        {
            return $"plugin '{manifest.Id}' is an objective plugin but does not implement {nameof(IObjectivePlugin)}; derive it from ObjectivePlugin";
        }

        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
