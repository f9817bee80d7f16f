using Descent.Contracts;
using Descent.Engine.Trials;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Engine.Composition;

/// <summary>
/// The per-trial dependency-injection scope's record of which trial it serves; the factories that
/// create the trial's dataset, objective and optimizer read it.
/// </summary>
public sealed class TrialScope
{
    private ResolvedTrial? trial;
    private TrialContext? context;

    /// <summary>The trial this scope serves.</summary>
    public ResolvedTrial Trial => trial ?? throw new InvalidOperationException("The trial scope has not been started.");

    /// <summary>The context handed to plugins.</summary>
    public TrialContext Context => context ?? throw new InvalidOperationException("The trial scope has not been started.");

    /// <summary>
    /// Opens a dependency-injection scope that serves <paramref name="resolvedTrial"/>: the one way to start
    /// a trial's scope (the runner, the sweep's setup check and the surface sampler all use it). Dispose it
    /// to dispose the trial's plugins.
    /// </summary>
    public static IServiceScope Open(IServiceProvider services, ResolvedTrial resolvedTrial, TrialContext trialContext)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        scope.ServiceProvider.GetRequiredService<TrialScope>().Start(resolvedTrial, trialContext);
        return scope;
    }

    /// <summary>Sets the trial; once per scope.</summary>
    public void Start(ResolvedTrial resolvedTrial, TrialContext trialContext)
    {
        if (trial is not null)
        {
            throw new InvalidOperationException("A trial scope serves one trial.");
        }

        trial = resolvedTrial;
        context = trialContext;
    }
}
