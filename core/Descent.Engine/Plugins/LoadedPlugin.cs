using Descent.Contracts;
using Descent.Engine.Options;

namespace Descent.Engine.Plugins;

/// <summary>A plugin that loaded and passed every check.</summary>
/// <param name="Instance">The plugin's entry point.</param>
/// <param name="AssemblyPath">Full path of the plugin assembly.</param>
/// <param name="AssemblySha256">SHA-256 of the assembly file, lower-case hex.</param>
/// <param name="Schema">The hyperparameters its options class declares.</param>
public sealed record LoadedPlugin(IPlugin Instance, string AssemblyPath, string AssemblySha256, OptionsSchema Schema)
{
    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest => Instance.Manifest;

    /// <summary>The plugin's id.</summary>
    public string Id => Instance.Manifest.Id;

    /// <summary>The plugin's kind.</summary>
    public PluginKind Kind => Instance.Manifest.Kind;

    /// <summary>The plugin's version.</summary>
    public string Version => Instance.Manifest.Version;
}
