namespace Descent.Engine.Plugins;

/// <summary>A plugin that was skipped, and why (one line, naming the file).</summary>
/// <param name="Path">The plugin file or folder.</param>
/// <param name="Reason">What was wrong and what to do.</param>
/// <param name="PluginId">The plugin's id when its manifest could be read (a trial that names it is told why it is missing), else null.</param>
public sealed record PluginLoadFailure(string Path, string Reason, string? PluginId = null)
{
    /// <inheritdoc />
    public override string ToString() => $"skipped plugin {Path}: {Reason}";
}
