using Microsoft.Extensions.DependencyInjection;

namespace Descent.Contracts;

/// <summary>
/// A plugin's entry point: a public class with a parameterless constructor in the plugin assembly.
/// The host finds it, reads its manifest, and creates <see cref="ImplementationType"/> once per trial
/// in the trial's dependency-injection scope, passing an instance of <see cref="OptionsType"/>.
/// Derive from <see cref="OptimizerPlugin{TOptimizer, TOptions}"/>, <see cref="ObjectivePlugin{TObjective, TOptions}"/>
/// or <see cref="DatasetPlugin{TDataset, TOptions}"/> rather than implementing this directly.
/// </summary>
public interface IPlugin
{
    /// <summary>Id, kind, version and contract version.</summary>
    PluginManifest Manifest { get; }

    /// <summary>
    /// The typed options (hyperparameters) class: public settable properties marked with
    /// <see cref="HyperparameterAttribute"/>; defaults are the values a new instance holds.
    /// </summary>
    Type OptionsType { get; }

    /// <summary>The class created per trial; implements the interface that <see cref="PluginManifest.Kind"/> names.</summary>
    Type ImplementationType { get; }

    /// <summary>Adds services the plugin's implementation needs (caches, helpers). Called once, when the plugin loads.</summary>
    void ConfigureServices(IServiceCollection services);
}
