namespace Descent.Engine.Plugins;

/// <summary>
/// Finds plugin assemblies. A plugin directory holds one folder per plugin, named after the plugin's
/// assembly (<c>plugins/Descent.Optimizers.Adam/Descent.Optimizers.Adam.dll</c>). A path given by the
/// user may also be a single plugin folder or a .dll file.
/// </summary>
public static class PluginDirectoryScanner
{
    /// <summary>Candidates under <paramref name="path"/>, in a stable (ordinal) order, plus a failure for each folder that holds no plugin.</summary>
    public static (IReadOnlyList<PluginCandidate> Candidates, IReadOnlyList<PluginLoadFailure> Failures) Scan(string path)
    {
        var candidates = new List<PluginCandidate>();
        var failures = new List<PluginLoadFailure>();
        string full = Path.GetFullPath(path);

        if (File.Exists(full))
        {
            if (full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                candidates.Add(new PluginCandidate(full));
            }
            else
            {
                failures.Add(new PluginLoadFailure(full, "not a .dll file; give a plugin directory, a plugin folder or a plugin .dll"));
            }

            return (candidates, failures);
        }

        if (!Directory.Exists(full))
        {
            failures.Add(new PluginLoadFailure(full, "no such file or directory"));
            return (candidates, failures);
        }

        string own = Path.Combine(full, Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) + ".dll");
        if (File.Exists(own))
        {
            candidates.Add(new PluginCandidate(own));
            return (candidates, failures);
        }

        foreach (string folder in Directory.GetDirectories(full).OrderBy(d => d, StringComparer.Ordinal))
        {
            string assembly = Path.Combine(folder, Path.GetFileName(folder) + ".dll");
            if (File.Exists(assembly))
            {
                candidates.Add(new PluginCandidate(assembly));
            }
            else
            {
                failures.Add(new PluginLoadFailure(folder, $"no {Path.GetFileName(folder)}.dll in this folder (a plugin folder holds an assembly named after the folder)"));
            }
        }

        return (candidates, failures);
    }
}
