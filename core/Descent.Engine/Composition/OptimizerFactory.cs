using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Engine.Composition;

/// <summary>Creates loaded optimizers by id inside a trial's scope (<see cref="IOptimizerFactory"/>), binding their options as the resolver does.</summary>
public sealed class OptimizerFactory(PluginCatalog catalog, IServiceProvider services) : IOptimizerFactory
{
    /// <inheritdoc />
    public IOptimizer Create(string id, IReadOnlyDictionary<string, string> hyperparameters, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        ArgumentNullException.ThrowIfNull(parameters);
        var problems = new List<ConfigurationProblem>();
        var component = TrialResolver.Component(catalog, PluginKind.Optimizer, id, TrialResolver.Text(hyperparameters), problems);
        if (component is null || problems.Count > 0)
        {
            throw new TrialSetupException($"cannot create optimizer '{id}': {string.Join("; ", problems.Select(p => p.Message))}");
        }

        try
        {
            return (IOptimizer)ActivatorUtilities.CreateInstance(services, component.Plugin.Instance.ImplementationType, component.Options.Instance, parameters);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
