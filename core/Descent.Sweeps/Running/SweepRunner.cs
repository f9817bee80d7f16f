using System.Collections.Concurrent;
using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Tracking;
using Descent.Sweeps.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Sweeps.Running;

/// <summary>
/// Runs a sweep's trials: those of this shard that the store does not hold as FINISHED,
/// <see cref="SweepRunOptions.Parallel"/> at once, each lane in a worker process of its own from
/// <paramref name="workers"/> when given (a crash or a hang then costs one trial), else on
/// threads of this process. Every trial's numbers depend on its own configuration and seed only, never on
/// order, on parallelism, on sharding or on where it ran. Ctrl-C ends the running trials as killed (a worker
/// that does not stop within half a second is killed) and starts no more. Only crashes and timeouts are retried.
/// </summary>
public sealed class SweepRunner(TrialRunner runner, IServiceProvider services, DataLocations data, WorkerPool? workers = null)
{
    /// <summary>What a failed trial's console line and <c>descent.retry</c> tag say when a plain exception is not retried.</summary>
    public const string NotRetried = "not retried: a plugin's exception repeats on every attempt; only crashes and timeouts are retried";

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

        // Workers load their plugins while this process checks the data and starts the parent run.
        var slots = Enumerable.Range(0, Math.Min(options.Parallel, toRun.Length)).Select(_ => CreateSlot(options)).ToArray();
        try
        {
            return await RunSlotsAsync(slots, toRun, inShard.Length, options, tracking, progress, cancellation).ConfigureAwait(false);
        }
        finally
        {
            Parallel.ForEach(slots, slot => slot.Dispose());
        }
    }

    private ITrialSlot CreateSlot(SweepRunOptions options)
    {
        ITrialSlot slot = workers is null ? new InProcessSlot(runner) : new WorkerSlot(workers, data);
        slot.Warm();
        return slot;
    }

    private async Task<(IReadOnlyList<SweepTrialOutcome> Outcomes, int Skipped)> RunSlotsAsync(
        ITrialSlot[] slots, SweepTrial[] toRun, int inShard, SweepRunOptions options, SweepTracking? tracking, ISweepProgress progress, CancellationToken cancellation)
    {
        CheckSetup(toRun);
        if (tracking is not null)
        {
            await tracking.MarkStaleAsync(toRun, cancellation).ConfigureAwait(false);
            await tracking.StartParentAsync(cancellation).ConfigureAwait(false);
        }

        var queue = new ConcurrentQueue<SweepTrial>(toRun);
        var finished = new ConcurrentBag<(SweepTrial Trial, TrialResult Result, Task<string?> RunId)>();
        var finisher = tracking is null ? null : new TrialFinisher(services, capacity: 2 * options.Parallel, concurrency: options.Parallel);
        var lanes = slots
            .Select(slot => Task.Factory.StartNew(() => Work(slot, queue, tracking, finisher, progress, finished, options, cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        await Task.WhenAll(lanes).ConfigureAwait(false);
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

        return (outcomes, inShard - toRun.Length);
    }

    /// <summary>
    /// Creates each distinct dataset once before any trial runs, so that a missing or broken data file
    /// stops the sweep with one clear message (and a download happens once) instead of failing every trial; and checks each
    /// distinct target against the metrics its trials record (<see cref="Engine.Targets.TargetCrossing.Check"/>), for the same reason.
    /// </summary>
    private void CheckSetup(IEnumerable<SweepTrial> trials)
    {
        trials = trials.ToArray();
        foreach (var first in trials.Where(t => t.Trial.Dataset is not null).GroupBy(t => (t.Trial.Dataset!.Id, string.Join(";", t.Trial.Dataset.Options.Values))).Select(g => g.First()))
        {
            using var scope = TrialScope.Open(services, first.Trial, first.Trial.CreateContext(data));
            scope.ServiceProvider.GetRequiredService<IDataset>();
        }

        foreach (var first in trials.Where(t => t.Trial.Target is not null)
                     .GroupBy(t => (t.Trial.Target!.Metric, t.Trial.Objective.Id, t.Trial.Dataset?.Id, string.Join(";", t.Trial.Dataset?.Options.Values ?? []))).Select(g => g.First()))
        {
            using var scope = TrialScope.Open(services, first.Trial, first.Trial.CreateContext(data));
            using var tensors = TorchSharp.torch.NewDisposeScope();
            var dataset = first.Trial.Dataset is null ? null : scope.ServiceProvider.GetRequiredService<IDataset>();
            try
            {
                Engine.Targets.TargetCrossing.Check(first.Trial.Target, scope.ServiceProvider.GetRequiredService<IObjective>(), dataset);
            }
            catch (TrialSetupException e)
            {
                throw new TrialSetupException($"{first.Name} and every trial with its target: {e.Message}", e);
            }
        }
    }

    private void Work(
        ITrialSlot slot,
        ConcurrentQueue<SweepTrial> queue,
        SweepTracking? tracking,
        TrialFinisher? finisher,
        ISweepProgress progress,
        ConcurrentBag<(SweepTrial, TrialResult, Task<string?>)> finished,
        SweepRunOptions options,
        CancellationToken cancellation)
    {
        int retries = options.Retries;
        while (!cancellation.IsCancellationRequested && queue.TryDequeue(out var trial))
        {
            progress.OnTrialStarted(trial);
            var limit = Limit(trial, options);
            var (attempt, runId) = Attempt(slot, trial, limit, tracking, finisher, retries, cancellation);
            for (int retry = 0; retry < retries && attempt.Retryable && !cancellation.IsCancellationRequested; retry++)
            {
                (attempt, runId) = Attempt(slot, trial, limit, tracking, finisher, retries - retry - 1, cancellation);
            }

            finished.Add((trial, attempt.Result, runId));
            progress.OnTrialCompleted(trial, NotRetriedNote(attempt, retries) is { } note ? attempt.Result with { Error = $"{attempt.Result.Error} ({note})" } : attempt.Result);
        }
    }

    /// <summary>The trial's time limit: <c>--trial-timeout</c> when given (it overrides the file's for the whole run), else the file's for the trial.</summary>
    private static TrialTimeLimit? Limit(SweepTrial trial, SweepRunOptions options) =>
        options.TrialTimeout is { } commandLine ? TrialTimeLimit.CommandLine(commandLine) : trial.Timeout;

    /// <summary>
    /// One run of a trial; when tracked, its run (a child run of its own) is finished by <paramref name="finisher"/>,
    /// with the worker's standard error attached when its worker was lost.
    /// </summary>
    private static (TrialAttempt Attempt, Task<string?> RunId) Attempt(
        ITrialSlot slot, SweepTrial trial, TrialTimeLimit? limit, SweepTracking? tracking, TrialFinisher? finisher, int retriesLeft, CancellationToken cancellation)
    {
        var tracker = tracking?.StartTrial(trial);
        var attempt = slot.Run(trial.Trial, trial.Identity, tracker, limit, cancellation);
        if (tracker is null || finisher is null)
        {
            return (attempt, Task.FromResult<string?>(null));
        }

        if (NotRetriedNote(attempt, retriesLeft) is { } note)
        {
            tracker.Recorder.SetTag(RunKeys.Tags.Retry, note);
        }
        else if (attempt.Retryable)
        {
            tracker.Recorder.SetTag(RunKeys.Tags.Retry, retriesLeft > 0 ? $"retried ({retriesLeft} retries were left)" : "not retried: no retries left (--retries)");
        }

        return (attempt, finisher.Enqueue(trial, attempt.Result, tracker, attempt.WorkerOutput));
    }

    /// <summary>What to say about a failure that retries were allowed for but that is not retried (a plain exception).</summary>
    private static string? NotRetriedNote(TrialAttempt attempt, int retries) =>
        attempt.Failure is FailureKind.Exception or FailureKind.Setup && retries > 0 ? NotRetried : null;
}
