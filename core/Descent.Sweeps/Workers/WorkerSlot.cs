using System.Diagnostics;
using System.Globalization;
using Descent.Contracts;
using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>
/// Runs trials one at a time in a long-lived worker process and replays the worker's events into the
/// observer (tracking, progress), so the observer sees what it would see in-process. A worker that dies
/// fails its trial with the cause (signal or exit code and the last lines of its standard error) and is
/// replaced; a trial past its <see cref="TrialTimeLimit"/> is killed with its worker; on cancellation the trial is
/// asked to stop and, when it does not within <see cref="CancelGrace"/>, killed with its worker (status killed).
/// </summary>
public sealed class WorkerSlot(WorkerPool pool, DataLocations data) : ITrialSlot
{
    /// <summary>How long a cancelled trial may take to end by itself before its worker is killed.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(0.5);

    private readonly WorkerLaunch launch = pool.Launch;
    private WorkerProcess? worker;

    /// <inheritdoc />
    public void Warm() => worker ??= pool.Take();

    /// <inheritdoc />
    public TrialAttempt Run(ResolvedTrial trial, string identity, ITrialObserver? observer, TrialTimeLimit? limit, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var run = new ReplayedRun(trial, observer, data);
        Warm();
        var current = worker!;
        try
        {
            if (!current.Ready)
            {
                if (!current.WaitReady(launch.StartupLimit, cancellation))
                {
                    return Lost(run, current, FailureKind.Crash, current.WaitForExit(TimeSpan.FromSeconds(1)) is { } code
                        ? $"worker process {current.Id} {ExitCause.Describe(code)} before it was ready"
                        : $"worker process {current.Id} was not ready within {Seconds(launch.StartupLimit)}");
                }

                launch.Statistics.AddStartup(current.StartupSeconds ?? current.Elapsed);
            }

            if (OverMemory(current) is { } startupPeak)
            {
                return Lost(run, current, FailureKind.Memory, launch.MemoryLimit!.StartupMessage(startupPeak));
            }

            current.Stderr.Mark();
            var clock = Stopwatch.StartNew();
            if (!current.Send(WorkerMessages.Line(WorkerMessages.Run, json =>
                {
                    json.WriteString("identity", identity);
                    TrialSpecWire.Write(json, "spec", trial.Spec);
                })))
            {
                return Lost(run, current, FailureKind.Crash, $"worker process {current.Id} {Ended(current, TimeSpan.FromSeconds(5))}");
            }

            return Follow(run, current, clock, limit, cancellation);
        }
        catch (OperationCanceledException)
        {
            return Lost(run, current, FailureKind.None, null);
        }
    }

    /// <summary>Gives the worker back to the pool (warm, for the next sweep of this process).</summary>
    public void Dispose()
    {
        if (worker is not null)
        {
            pool.Return(worker);
        }

        worker = null;
    }

    private TrialAttempt Follow(ReplayedRun run, WorkerProcess current, Stopwatch clock, TrialTimeLimit? limit, CancellationToken cancellation)
    {
        double sentAt = current.Elapsed;
        var sinceMemoryCheck = Stopwatch.StartNew();
        while (true)
        {
            var left = limit is null ? Timeout.InfiniteTimeSpan : limit.Limit - clock.Elapsed;
            if (limit is not null && left <= TimeSpan.Zero)
            {
                return Lost(run, current, FailureKind.Timeout, limit.Message());
            }

            // At most every CheckInterval, however many points the worker streams meanwhile: reading the peak costs a /proc read.
            if (launch.MemoryLimit is not null && sinceMemoryCheck.Elapsed >= WorkerMemoryLimit.CheckInterval)
            {
                sinceMemoryCheck.Restart();
                if (OverMemory(current) is { } peak)
                {
                    return Lost(run, current, FailureKind.Memory, launch.MemoryLimit.Message(peak));
                }
            }

            WorkerEvent? next;
            try
            {
                next = current.Next(launch.MemoryLimit is null || (left != Timeout.InfiniteTimeSpan && left < WorkerMemoryLimit.CheckInterval) ? left : WorkerMemoryLimit.CheckInterval, cancellation);
            }
            catch (OperationCanceledException)
            {
                return Cancel(run, current);
            }

            if (next is null)
            {
                continue; // the time limit and the memory limit: checked above
            }

            if (next.Ended)
            {
                return Lost(run, current, FailureKind.Crash, $"worker process {current.Id} {Ended(current, TimeSpan.FromSeconds(5))}");
            }

            // The peak is the worker's highest since it started, so a trial that went over the limit between two checks
            // fails when it completes: whether it fails does not depend on when the coordinator looked.
            if (next.Type == WorkerMessages.Completed && OverMemory(current) is { } finalPeak)
            {
                return Lost(run, current, FailureKind.Memory, launch.MemoryLimit!.Message(finalPeak));
            }

            if (run.Apply(next) is { } result)
            {
                double served = next.Body.TryGetProperty("served_seconds", out var s) ? s.GetDouble() : 0;
                launch.Statistics.AddDispatch(Math.Max(0, next.At - sentAt - served));
                return next.Body.TryGetProperty("setup_error", out var setup)
                    ? new TrialAttempt(result, FailureKind.Setup) { SetupMessage = setup.GetString() }
                    : new TrialAttempt(result, result.Status == TrialStatus.Failed ? FailureKind.Exception : FailureKind.None);
            }
        }
    }

    /// <summary>Asks the worker to stop the trial; kills it when it does not within <see cref="CancelGrace"/>.</summary>
    private TrialAttempt Cancel(ReplayedRun run, WorkerProcess current)
    {
        current.Send(WorkerMessages.Line(WorkerMessages.Cancel));
        var grace = Stopwatch.StartNew();
        while (grace.Elapsed < CancelGrace)
        {
            var next = current.Next(CancelGrace - grace.Elapsed, CancellationToken.None);
            if (next is null || next.Ended)
            {
                break;
            }

            if (run.Apply(next) is { } result)
            {
                return new TrialAttempt(result, FailureKind.None);
            }
        }

        return Lost(run, current, FailureKind.None, null);
    }

    /// <summary>Ends a trial whose worker is gone or must go: kills it, and fails the trial with <paramref name="error"/> (killed when null).</summary>
    private TrialAttempt Lost(ReplayedRun run, WorkerProcess current, FailureKind failure, string? error)
    {
        current.Kill();
        string stderr = current.Stderr.Text();
        worker = null;
        current.Dispose();
        if (error is not null && failure == FailureKind.Crash && ExitCause.LastLines(stderr) is { Length: > 0 } last)
        {
            error = $"{error}; stderr: {last}";
        }

        var result = run.End(error is null ? TrialStatus.Killed : TrialStatus.Failed, error);
        return new TrialAttempt(result, failure, stderr.Length > 0 || failure != FailureKind.None ? stderr : null);
    }

    /// <summary>The worker's peak resident memory when it is over <c>--worker-memory</c>; null when within it or without a limit.</summary>
    private long? OverMemory(WorkerProcess current) =>
        launch.MemoryLimit is { } memory && current.PeakResidentBytes() is { } peak && peak > memory.Bytes ? peak : null;

    private static string Ended(WorkerProcess current, TimeSpan limit) => ExitCause.Describe(current.WaitForExit(limit));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
