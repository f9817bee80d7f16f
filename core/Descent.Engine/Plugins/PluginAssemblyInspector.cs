using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Descent.Contracts;

namespace Descent.Engine.Plugins;

/// <summary>
/// Reads a plugin assembly's metadata without loading it: is it a .NET assembly, and which version of
/// the contracts was it compiled against? Incompatible plugins are rejected before any of their code runs.
/// </summary>
public static class PluginAssemblyInspector
{
    /// <summary>Name of the contracts assembly.</summary>
    public static string ContractsAssemblyName { get; } = typeof(IPlugin).Assembly.GetName().Name!;

    /// <summary>The contracts version this host provides.</summary>
    public static Version HostContractVersion { get; } = typeof(IPlugin).Assembly.GetName().Version!;

    /// <summary>Null when the file can be loaded as a plugin; otherwise the reason it cannot.</summary>
    public static string? Check(string assemblyPath)
    {
        Version? referenced;
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return "not a .NET assembly (a native library or other binary); remove it from the plugin folder";
            }

            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                return "not a .NET assembly (a module without an assembly manifest)";
            }

            referenced = reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .Where(r => reader.GetString(r.Name) == ContractsAssemblyName)
                .Select(r => r.Version)
                .FirstOrDefault();
        }
        catch (BadImageFormatException)
        {
            return "not a .NET assembly (the file is not a valid PE image); remove it or rebuild the plugin";
        }
        catch (IOException e)
        {
            return $"cannot read the file: {e.Message}";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"cannot read the file: {e.Message}";
        }

        if (referenced is null)
        {
            return $"does not reference {ContractsAssemblyName}, so it holds no Descent plugin";
        }

        return CheckContractVersion(referenced);
    }

    /// <summary>Null when a plugin built against <paramref name="pluginContract"/> runs on this host.</summary>
    public static string? CheckContractVersion(Version pluginContract)
    {
        var host = HostContractVersion;
        if (pluginContract.Major != host.Major || pluginContract.Minor > host.Minor)
        {
            return $"built against contract version {pluginContract.Major}.{pluginContract.Minor}, but this host provides {host.Major}.{host.Minor}; " +
                   $"rebuild the plugin against {ContractsAssemblyName} {host.Major}.{host.Minor}";
        }

        return null;
    }
}
