namespace Descent.Engine.Plugins;

/// <summary>
/// A plugin folder that carries its own copy of an assembly the host shares (the contracts, TorchSharp, the
/// dependency-injection abstractions): the host's copy is used, and one warning says how to stop copying it.
/// </summary>
public static class PrivateSharedCopies
{
    /// <summary>The warning for the folder of <paramref name="assemblyPath"/>, or null when it carries no shared assembly.</summary>
    public static PluginWarning? Check(string assemblyPath)
    {
        string? folder = Path.GetDirectoryName(assemblyPath);
        if (folder is null)
        {
            return null;
        }

        var copies = PluginAssemblyLoader.SharedTypes
            .Select(t => t.Assembly.GetName().Name + ".dll")
            .Distinct(StringComparer.Ordinal)
            .Where(name => File.Exists(Path.Combine(folder, name)))
            .ToArray();
        if (copies.Length == 0)
        {
            return null;
        }

        return new PluginWarning(folder, null, null,
            $"carries its own {string.Join(", ", copies)}; the host's copies are used instead. " +
            "Stop copying them: reference the contracts with <ProjectReference ... Private=\"false\" ExcludeAssets=\"runtime;native\" /> " +
            "(or <PackageReference ... ExcludeAssets=\"runtime;native\" />), or import build/Plugin.targets, which does so");
    }
}
