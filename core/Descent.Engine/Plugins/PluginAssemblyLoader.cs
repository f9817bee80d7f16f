using System.Reflection;
using System.Security.Cryptography;
using Descent.Contracts;
using Descent.Engine.Options;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;

namespace Descent.Engine.Plugins;

/// <summary>
/// Loads one plugin assembly into its own load context, sharing the contracts, TorchSharp and the
/// dependency-injection abstractions with the host (a second TorchSharp in the process would abort
/// inside libtorch), then creates and checks each plugin entry point it contains. Nothing else is shared:
/// a plugin's own dependencies load from its folder even when the host has another version of them.
/// </summary>
public static class PluginAssemblyLoader
{
    /// <summary>Types whose assemblies every plugin shares with the host.</summary>
    public static IReadOnlyList<Type> SharedTypes { get; } = [typeof(IPlugin), typeof(torch), typeof(IServiceCollection)];

    /// <summary>Loads the plugins in <paramref name="assemblyPath"/>. Never throws for a bad plugin: each problem becomes a failure.</summary>
    public static (IReadOnlyList<LoadedPlugin> Plugins, IReadOnlyList<PluginLoadFailure> Failures) Load(string assemblyPath)
    {
        var plugins = new List<LoadedPlugin>();
        var failures = new List<PluginLoadFailure>();

        string? rejection = PluginAssemblyInspector.Check(assemblyPath);
        if (rejection is not null)
        {
            failures.Add(new PluginLoadFailure(assemblyPath, rejection));
            return (plugins, failures);
        }

        Type[] entryTypes;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(
                assemblyPath,
                sharedTypes: SharedTypes.ToArray(),
                configure: config => config.PreferSharedTypes = false);
            var assembly = loader.LoadDefaultAssembly();
            entryTypes = ExportedTypes(assembly)
                .Where(t => typeof(IPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add(new PluginLoadFailure(assemblyPath, $"cannot be loaded: {ExceptionText.OneLine(e)}"));
            return (plugins, failures);
        }

        if (entryTypes.Length == 0)
        {
            failures.Add(new PluginLoadFailure(assemblyPath, $"holds no public class implementing {nameof(IPlugin)} (derive one from OptimizerPlugin, ObjectivePlugin or DatasetPlugin)"));
            return (plugins, failures);
        }

        string sha256 = Sha256Of(assemblyPath);
        foreach (var type in entryTypes)
        {
            var (plugin, reason, id) = CreateEntry(type, assemblyPath, sha256);
            if (plugin is not null)
            {
                plugins.Add(plugin);
            }
            else
            {
                failures.Add(new PluginLoadFailure(assemblyPath, $"{type.Name}: {reason}", id));
            }
        }

        return (plugins, failures);
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static IEnumerable<Type> ExportedTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            string first = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            throw new InvalidOperationException($"its types cannot be loaded ({first})", e);
        }
    }

    private static (LoadedPlugin? Plugin, string? Reason, string? Id) CreateEntry(Type type, string assemblyPath, string sha256)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            return (null, "needs a public parameterless constructor", null);
        }

        IPlugin instance;
        PluginManifest manifest;
        try
        {
            instance = (IPlugin)Activator.CreateInstance(type)!;
            manifest = instance.Manifest ?? throw new InvalidOperationException("its Manifest is null");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"threw while being created: {ExceptionText.OneLine(e)}", null);
        }

        string? problem = PluginManifestRules.Check(manifest, instance);
        if (problem is not null)
        {
            return (null, problem, null);
        }

        OptionsSchema schema;
        try
        {
            schema = OptionsSchema.For(instance.OptionsType);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, ExceptionText.OneLine(e), manifest.Id);
        }

        try
        {
            instance.ConfigureServices(new ServiceCollection());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"threw while registering its services: {ExceptionText.OneLine(e)}", manifest.Id);
        }

        return (new LoadedPlugin(instance, assemblyPath, sha256, schema), null, manifest.Id);
    }
}
