namespace Descent.Engine.Plugins;

/// <summary>
/// A problem with a plugin that loaded anyway: a value, not an exception, with its subject (the plugin's
/// folder or id, and the hyperparameter when there is one), so that no code reads the message to find it.
/// </summary>
/// <param name="Path">The plugin assembly or folder.</param>
/// <param name="PluginId">The plugin's id, or null when the warning is about its folder.</param>
/// <param name="Hyperparameter">The hyperparameter it is about, or null.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PluginWarning(string Path, string? PluginId, string? Hyperparameter, string Message)
{
    /// <inheritdoc />
    public override string ToString() => PluginId is null ? $"plugin {Path}: {Message}" : $"plugin '{PluginId}' ({Path}): {Message}";
}
