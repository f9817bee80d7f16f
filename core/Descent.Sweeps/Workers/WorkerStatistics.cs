namespace Descent.Sweeps.Workers;

/// <summary>
/// What worker processes cost: the seconds from starting each to its <c>ready</c>, and per trial the
/// dispatch overhead (the coordinator's round trip from sending the trial to its last event, minus the
/// time the worker spent on it). Thread-safe.
/// </summary>
public sealed class WorkerStatistics
{
    private readonly object gate = new();
    private readonly List<double> startups = [];
    private readonly List<double> overheads = [];

    /// <summary>Start-up seconds of each worker that became ready.</summary>
    public IReadOnlyList<double> StartupSeconds
    {
        get
        {
            lock (gate)
            {
                return [.. startups];
            }
        }
    }

    /// <summary>Dispatch overhead in seconds of each trial a worker completed.</summary>
    public IReadOnlyList<double> DispatchSeconds
    {
        get
        {
            lock (gate)
            {
                return [.. overheads];
            }
        }
    }

    /// <summary>Notes a worker's start-up.</summary>
    public void AddStartup(double seconds)
    {
        lock (gate)
        {
            startups.Add(seconds);
        }
    }

    /// <summary>Notes a trial's dispatch overhead.</summary>
    public void AddDispatch(double seconds)
    {
        lock (gate)
        {
            overheads.Add(seconds);
        }
    }
}
