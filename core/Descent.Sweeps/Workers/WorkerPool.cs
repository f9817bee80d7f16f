using System.Collections.Concurrent;

namespace Descent.Sweeps.Workers;

/// <summary>
/// Worker processes kept warm for as long as the pool lives: started ahead (<see cref="Prestart"/>, so they
/// load their plugins while the coordinator loads its own and expands the sweep), lent to one
/// <see cref="WorkerSlot"/> at a time and given back when the slot is done with them, so several sweeps in one
/// process (the benchmark) start each worker once. Disposing the pool ends every idle worker.
/// </summary>
public sealed class WorkerPool(WorkerLaunch launch) : IDisposable
{
    private readonly ConcurrentQueue<WorkerProcess> idle = new();
    private volatile bool disposed;

    /// <summary>How the workers start.</summary>
    public WorkerLaunch Launch { get; } = launch;

    /// <summary>What the pool's workers measured.</summary>
    public WorkerStatistics Statistics => Launch.Statistics;

    /// <summary>Starts <paramref name="count"/> workers now; returns at once.</summary>
    public void Prestart(int count)
    {
        for (int i = 0; i < count; i++)
        {
            idle.Enqueue(WorkerProcess.Start(Launch));
        }
    }

    /// <summary>An idle worker that is still alive, else a new one.</summary>
    internal WorkerProcess Take()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (idle.TryDequeue(out var worker))
        {
            if (!worker.HasExited)
            {
                return worker;
            }

            worker.Dispose();
        }

        return WorkerProcess.Start(Launch);
    }

    /// <summary>Takes back an idle worker (ends it when the pool is already disposed).</summary>
    internal void Return(WorkerProcess worker)
    {
        if (disposed || worker.HasExited)
        {
            worker.Dispose();
            return;
        }

        idle.Enqueue(worker);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        disposed = true;
        var workers = new List<WorkerProcess>();
        while (idle.TryDequeue(out var worker))
        {
            workers.Add(worker);
        }

        Parallel.ForEach(workers, worker => worker.Dispose());
    }
}
