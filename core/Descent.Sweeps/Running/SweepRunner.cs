using System.Collections.Concurrent;
using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Runs.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Sweeps.Running;

/// <summary>
/// Runs a sweep's trials: those of this shard that the store does not hold as FINISHED, on
/// <see cref="SweepRunOptions.Parallel"/> worker threads. Every trial's numbers depend on its own
/// configuration and seed only, never on order, on parallelism or on sharding. Ctrl-C ends the running
/// trials as killed and starts no more.
/// </summary>
public sealed class SweepRunner(TrialRunner runner, IServiceProvider services, DataLocations data)
{
    /// <summary>Runs the sweep; <paramref name="tracking"/> null runs every trial of the shard untracked.</summary>
    public async Task<(IReadOnlyList<SweepTrialOutcome> Outcomes, int Skipped)> RunAsync(
        SweepPlan plan, SweepRunOptions options, SweepTracking? tracking, ISweepProgress progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallel, 1);
        var inShard = plan.Trials.Where(options.Shard.Contains).ToArray();
        var toRun = inShard.Where(t => tracking is null || !tracking.Finished.Contains(t.Identity)).ToArray();
        progress.OnPlanned(toRun.Length, inShard.Length - toRun.Length);
        if (toRun.Length == 0)
        {
            tracking?.AdoptExistingParent();
            return ([], inShard.Length);
        }

        CheckSetup(toRun);
        if (tracking is not null)
        {
            await tracking.MarkStaleAsync(toRun, cancellation).ConfigureAwait(false);
            await tracking.StartParentAsync(cancellation).ConfigureAwait(false);
        }

        var queue = new ConcurrentQueue<SweepTrial>(toRun);
        var finished = new ConcurrentBag<(SweepTrial Trial, TrialResult Result, Task<string?> RunId)>();
        var finisher = tracking is null ? null : new TrialFinisher(services, capacity: 2 * options.Parallel, concurrency: options.Parallel);
        var workers = Enumerable.Range(0, Math.Min(options.Parallel, toRun.Length))
            .Select(_ => Task.Factory.StartNew(() => Work(queue, tracking, finisher, progress, finished, options.Retries, cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        if (finisher is not null)
        {
            await finisher.CompleteAsync().ConfigureAwait(false);
        }

        var outcomes = new List<SweepTrialOutcome>();
        foreach (var (trial, result, runId) in finished.OrderBy(f => f.Trial.Index))
        {
            var outcome = new SweepTrialOutcome(trial, result, await runId.ConfigureAwait(false));
            outcomes.Add(outcome);
            if (outcome.RunId is not null)
            {
                tracking!.NoteOutcome(trial, result);
            }
        }

        return (outcomes, inShard.Length - toRun.Length);
    }

    /// <summary>
    /// Creates each distinct dataset once before any trial runs, so that a missing or broken data file
    /// stops the sweep with one clear message (and a download happens once) instead of failing every trial.
    /// </summary>
    private void CheckSetup(IEnumerable<SweepTrial> trials)
    {
        foreach (var first in trials.Where(t => t.Trial.Dataset is not null).GroupBy(t => (t.Trial.Dataset!.Id, string.Join(";", t.Trial.Dataset.Options.Values))).Select(g => g.First()))
        {
            using var scope = TrialScope.Open(services, first.Trial, first.Trial.CreateContext(data));
            scope.ServiceProvider.GetRequiredService<IDataset>();
        }
    }

    private void Work(
        ConcurrentQueue<SweepTrial> queue,
        SweepTracking? tracking,
        TrialFinisher? finisher,
        ISweepProgress progress,
        ConcurrentBag<(SweepTrial, TrialResult, Task<string?>)> finished,
        int retries,
        CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested && queue.TryDequeue(out var trial))
        {
            progress.OnTrialStarted(trial);
            var (result, runId) = Attempt(trial, tracking, finisher, cancellation);
            for (int retry = 0; retry < retries && result.Status == TrialStatus.Failed && !cancellation.IsCancellationRequested; retry++)
            {
                (result, runId) = Attempt(trial, tracking, finisher, cancellation);
            }

            finished.Add((trial, result, runId));
            progress.OnTrialCompleted(trial, result);
        }
    }

    /// <summary>One run of a trial; when tracked, its run (a child run of its own) is finished by <paramref name="finisher"/>.</summary>
    private (TrialResult Result, Task<string?> RunId) Attempt(SweepTrial trial, SweepTracking? tracking, TrialFinisher? finisher, CancellationToken cancellation)
    {
        var tracker = tracking?.StartTrial(trial);
        var result = RunOne(trial, tracker, cancellation);
        return tracker is null || finisher is null
            ? (result, Task.FromResult<string?>(null))
            : (result, finisher.Enqueue(trial, result, tracker));
    }

    private TrialResult RunOne(SweepTrial trial, ITrialObserver? tracker, CancellationToken cancellation)
    {
        try
        {
            return runner.Run(trial.Trial, tracker, cancellation);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A plugin that cannot even be created fails this trial, not the sweep.
            var failed = new TrialResult(TrialStatus.Failed, double.NaN, [], [], [], 0, 0, [], 0, ExceptionText.OneLine(e));
            tracker?.OnCompleted(failed);
            return failed;
        }
    }
}
