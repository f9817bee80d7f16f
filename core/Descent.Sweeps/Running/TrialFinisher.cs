using System.Threading.Channels;
using Descent.Engine.Trials;
using Descent.Plotting;
using Descent.Runs;
using Descent.Runs.Files;
using Descent.Runs.Trials;
using Descent.Sweeps.Expansion;

namespace Descent.Sweeps.Running;

/// <summary>
/// Finishes tracked trials off the training threads: writes each trial's files (history CSV, pictures),
/// attaches them, flushes its records and ends its run, while the workers go on to the next trial.
/// The queue is bounded, so a slow store slows the workers down rather than filling memory. It finishes as
/// many runs at once as there are workers: one finisher for several workers made the finishing of runs the
/// bottleneck of a parallel tracked sweep.
/// </summary>
internal sealed class TrialFinisher
{
    private readonly Channel<Job> jobs;
    private readonly IServiceProvider services;
    private readonly Task[] finishers;

    public TrialFinisher(IServiceProvider services, int capacity, int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        this.services = services;
        jobs = Channel.CreateBounded<Job>(new BoundedChannelOptions(capacity) { SingleReader = concurrency == 1, FullMode = BoundedChannelFullMode.Wait });
        finishers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToArray();
    }

    /// <summary>Queues a trial's run to be finished (waits while the queue is full); the task gives its run id.</summary>
    public Task<string?> Enqueue(SweepTrial trial, TrialResult result, TrialTracker tracker, string? workerOutput = null)
    {
        var job = new Job(trial, result, tracker, workerOutput, new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!jobs.Writer.TryWrite(job))
        {
            jobs.Writer.WriteAsync(job).AsTask().GetAwaiter().GetResult();
        }

        return job.RunId.Task;
    }

    /// <summary>Finishes what is queued and stops.</summary>
    public Task CompleteAsync()
    {
        jobs.Writer.TryComplete();
        return Task.WhenAll(finishers);
    }

    private async Task Drain()
    {
        await foreach (var job in jobs.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                job.RunId.SetResult(await FinishAsync(job).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                job.RunId.SetException(e);
            }
        }
    }

    private async Task<string?> FinishAsync(Job job)
    {
        string files = ScratchDirectory.NewPath("descent-sweep");
        Directory.CreateDirectory(files);
        try
        {
            try
            {
                if (job.Result.Status == TrialStatus.Killed)
                {
                    // Ctrl-C: the killed run's numbers without pictures (drawing them can take a second), so the sweep ends at once.
                    await File.WriteAllTextAsync(Path.Combine(files, RunKeys.Artifacts.Result), Json.Write(TrialReport.From(job.Trial.Trial, job.Result))).ConfigureAwait(false);
                    await File.WriteAllTextAsync(Path.Combine(files, RunKeys.Artifacts.History), TrialFiles.HistoryCsv(job.Result, TrialFiles.ParameterLabels(job.Result), job.Trial.Trial.UsesData)).ConfigureAwait(false);
                }
                else
                {
                    TrialFiles.Write(files, job.Trial.Trial, job.Result, services, lossPicture: false);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The trial's numbers matter more than its pictures: record why they are missing and go on.
                job.Tracker.Recorder.SetTag(RunKeys.Tags.ArtifactsError, ExceptionText.OneLine(e));
            }

            if (job.WorkerOutput is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(files, RunKeys.Artifacts.WorkerStderr), job.WorkerOutput).ConfigureAwait(false);
            }

            var outcome = await job.Tracker.FinishAsync(job.Result, files, copyConfiguration: false).ConfigureAwait(false);
            return outcome.RunId.Length == 0 ? null : outcome.RunId;
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    private sealed record Job(SweepTrial Trial, TrialResult Result, TrialTracker Tracker, string? WorkerOutput, TaskCompletionSource<string?> RunId);
}
