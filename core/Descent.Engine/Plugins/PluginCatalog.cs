using Descent.Contracts;

namespace Descent.Engine.Plugins;

/// <summary>
/// Every plugin found in the plugin directories: the ones that loaded, and the ones that were skipped
/// with their reasons. Ids are unique across kinds; on a clash the first directory wins.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<string, LoadedPlugin> byId;

    private PluginCatalog(IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginLoadFailure> failures, IReadOnlyList<PluginWarning> warnings)
    {
        Plugins = plugins;
        Failures = failures;
        Warnings = warnings;
        byId = plugins.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>Plugins that loaded, in load order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>Plugins that were skipped.</summary>
    public IReadOnlyList<PluginLoadFailure> Failures { get; }

    /// <summary>Problems with plugins that loaded anyway (a folder with its own copy of the contracts or TorchSharp), one per folder.</summary>
    public IReadOnlyList<PluginWarning> Warnings { get; }

    /// <summary>Loads every plugin under <paramref name="paths"/> (directories, plugin folders or .dll files), in order.</summary>
    public static PluginCatalog Load(IEnumerable<string> paths)
    {
        var plugins = new List<LoadedPlugin>();
        var failures = new List<PluginLoadFailure>();
        var ids = new Dictionary<string, LoadedPlugin>(StringComparer.Ordinal);
        var seenAssemblies = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<PluginWarning>();
        var warnedFolders = new HashSet<string>(StringComparer.Ordinal);

        foreach (string path in paths)
        {
            var (candidates, scanFailures) = PluginDirectoryScanner.Scan(path);
            failures.AddRange(scanFailures);
            foreach (var candidate in candidates)
            {
                if (!seenAssemblies.Add(candidate.AssemblyPath))
                {
                    continue;
                }

                var (loaded, loadFailures) = PluginAssemblyLoader.Load(candidate.AssemblyPath);
                failures.AddRange(loadFailures);
                if (loaded.Count > 0 && PrivateSharedCopies.Check(candidate.AssemblyPath) is { } copies && warnedFolders.Add(copies.Path))
                {
                    warnings.Add(copies);
                }
                foreach (var plugin in loaded)
                {
                    if (ids.TryGetValue(plugin.Id, out var first))
                    {
                        failures.Add(new PluginLoadFailure(
                            plugin.AssemblyPath,
                            $"plugin id '{plugin.Id}' is already taken by {first.AssemblyPath}; ids must be unique, so rename one of them"));
                        continue;
                    }

                    ids.Add(plugin.Id, plugin);
                    plugins.Add(plugin);
                }
            }
        }

        return new PluginCatalog(plugins, failures, warnings);
    }

    /// <summary>Why the plugin with this id was skipped, or null when none with this id was.</summary>
    public PluginLoadFailure? FailureOf(string id) => Failures.FirstOrDefault(f => f.PluginId == id);

    /// <summary>The plugin with this id, or null.</summary>
    public LoadedPlugin? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Plugins of one kind, ordered by id.</summary>
    public IEnumerable<LoadedPlugin> OfKind(PluginKind kind) =>
        Plugins.Where(p => p.Kind == kind).OrderBy(p => p.Id, StringComparer.Ordinal);
}
