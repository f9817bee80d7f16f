using Microsoft.Extensions.DependencyInjection;

namespace Descent.Contracts;

/// <summary>Common base of the typed plugin entry points.</summary>
/// <typeparam name="TImplementation">The class created per trial.</typeparam>
/// <typeparam name="TOptions">The options class; its parameterless constructor sets the defaults.</typeparam>
public abstract class Plugin<TImplementation, TOptions> : IPlugin
    where TImplementation : class
    where TOptions : class, new()
{
    /// <summary>Creates the manifest. <paramref name="contractVersion"/> is left to its default, so the
    /// compiler writes the contract version the plugin was built against into the plugin itself.</summary>
    protected Plugin(PluginKind kind, string id, string version, string description, string contractVersion)
    {
        Manifest = new PluginManifest(id, kind, version, contractVersion, description);
    }

    /// <inheritdoc />
    public PluginManifest Manifest { get; }

    /// <inheritdoc />
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc />
    public Type ImplementationType => typeof(TImplementation);

    /// <inheritdoc />
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
