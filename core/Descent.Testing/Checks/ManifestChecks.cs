using Descent.Contracts;
using Descent.Engine.Plugins;

namespace Descent.Testing.Checks;

/// <summary>The manifest: the host's own rules (id, version, contract version, kind and type), plus a description.</summary>
internal static class ManifestChecks
{
    public static CheckResult Run(IPlugin plugin)
    {
        var manifest = plugin.Manifest;
        string? problem = PluginManifestRules.Check(manifest, plugin);
        if (problem is not null)
        {
            return CheckResult.Failed("manifest", problem, "fix the arguments of the plugin class's base constructor (id, version, description)");
        }

        if (string.IsNullOrWhiteSpace(manifest.Description))
        {
            return CheckResult.Failed("manifest", $"plugin '{manifest.Id}' has no description",
                "give one line saying what it is and where it comes from, e.g. \"Lion (Chen et al. 2023): sign of an interpolated momentum\"");
        }

        return CheckResult.Passed("manifest", $"id '{manifest.Id}', version {manifest.Version}, contract {manifest.ContractVersion} (host {ContractInfo.Version}), {manifest.Kind.ToString().ToLowerInvariant()}");
    }
}
