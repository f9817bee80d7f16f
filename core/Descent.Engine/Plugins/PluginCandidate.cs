namespace Descent.Engine.Plugins;

/// <summary>An assembly file that should hold a plugin, found in a plugin directory.</summary>
/// <param name="AssemblyPath">Full path of the .dll.</param>
public sealed record PluginCandidate(string AssemblyPath);
