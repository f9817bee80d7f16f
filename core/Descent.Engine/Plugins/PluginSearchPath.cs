namespace Descent.Engine.Plugins;

/// <summary>
/// Where plugins are looked for, in order: the host's bundled <c>plugins/</c> folder, each entry of
/// <c>DESCENT_PLUGIN_PATH</c> (separated like PATH), then each <c>--plugins</c> directory.
/// </summary>
public static class PluginSearchPath
{
    /// <summary>The environment variable holding extra plugin directories.</summary>
    public const string EnvironmentVariable = "DESCENT_PLUGIN_PATH";

    /// <summary>The bundled plugin directory next to the host's assemblies.</summary>
    public static string Bundled => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The full search path.</summary>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> commandLineDirectories, string? environmentValue, bool includeBundled = true)
    {
        var paths = new List<string>();
        if (includeBundled)
        {
            paths.Add(Bundled);
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            paths.AddRange(environmentValue.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        paths.AddRange(commandLineDirectories);
        return paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray();
    }
}
