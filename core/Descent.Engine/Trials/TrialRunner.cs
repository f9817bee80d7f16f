using System.Diagnostics;
using Descent.Contracts;
using Descent.Engine.Composition;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>
/// Runs one trial: opens a dependency-injection scope and a tensor dispose scope, lets the scope create
/// the dataset, objective and optimizer, runs the training loop, and disposes everything at the end.
/// </summary>
public sealed class TrialRunner(IServiceProvider root, DataLocations data)
{
    /// <summary>Runs <paramref name="trial"/> to its end.</summary>
    /// <exception cref="TrialSetupException">A plugin could not be created from the trial's input (e.g. a missing data file).</exception>
    public TrialResult Run(ResolvedTrial trial, ITrialObserver? observer = null, CancellationToken cancellation = default)
    {
        observer ??= NullTrialObserver.Instance;
        var context = trial.CreateContext(data);
        using var scope = TrialScope.Open(root, trial, context);
        using var tensors = NewDisposeScope();
        var services = scope.ServiceProvider;

        var objective = services.GetRequiredService<IObjective>();
        var optimizer = services.GetRequiredService<IOptimizer>();
        var dataset = trial.UsesData ? services.GetRequiredService<IDataset>() : null;
        var schedule = trial.Schedule is null ? null : ScheduledLearningRate.For(optimizer, services.GetRequiredService<ILearningRateSchedule>());
        Targets.TargetCrossing.Check(trial.Target, objective, dataset);
        observer.OnStarted(trial, context, objective.Parameters);

        var clock = Stopwatch.StartNew();
        var run = new TrainingRun(trial, objective, optimizer, dataset, context, observer, cancellation) { Schedule = schedule };
        TrialResult result;
        try
        {
            result = dataset is null ? AnalyticLoop.Run(run)
                : objective is IEvaluatedObjective && dataset is ISplitDataset ? EvaluatedLoop.Run(run)
                : MinibatchLoop.Run(run);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            result = run.Finish(TrialStatus.Failed, clock.Elapsed.TotalSeconds, ExceptionText.OneLine(e));
        }

        observer.OnCompleted(result);
        return result;
    }
}
