using System.Reflection;
using System.Runtime.ExceptionServices;
using Descent.Contracts;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.Testing;

/// <summary>Creates a plugin's implementation as a trial does: its options and the trial context (plus extra services), in a provider with the plugin's own services.</summary>
internal static class PluginFactory
{
    public static T Create<T>(IPlugin plugin, object options, ScalarType dtype, long seed, DataLocations? data, IOptimizerFactory? optimizers, params object[] extra)
    {
        var services = new ServiceCollection();
        plugin.ConfigureServices(services);
        services.AddSingleton(new TrialContext(seed, dtype, CPU, data));
        if (optimizers is not null)
        {
            services.AddSingleton(optimizers);
        }

        var provider = services.BuildServiceProvider();
        try
        {
            return (T)ActivatorUtilities.CreateInstance(provider, plugin.ImplementationType, [options, .. extra]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
