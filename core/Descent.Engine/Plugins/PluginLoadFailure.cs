namespace Descent.Engine.Plugins;

/// <summary>A plugin that was skipped, and why (one line, naming the file).</summary>
/// <param name="Path">The plugin file or folder.</param>
/// <param name="Reason">What was wrong and what to do.</param>
public sealed record PluginLoadFailure(string Path, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"skipped plugin {Path}: {Reason}";
}
