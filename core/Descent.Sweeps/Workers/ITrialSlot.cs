using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>
/// Where one trial at a time runs: a worker process (<see cref="WorkerSlot"/>) or the calling thread
/// (<see cref="InProcessSlot"/>, <c>--in-process</c>). Either way the observer sees the same calls in the
/// same order, <see cref="ITrialObserver.OnCompleted"/> exactly once.
/// </summary>
public interface ITrialSlot : IDisposable
{
    /// <summary>Gets ready for trials ahead of the first (starts the worker); returns at once.</summary>
    void Warm();

    /// <summary>
    /// Runs <paramref name="trial"/> (whose identity is <paramref name="identity"/>) to its end, or until it has run for
    /// <paramref name="limit"/> (null: no limit), when a worker process is killed with it; a trial on a thread of this
    /// process cannot be killed, so <see cref="InProcessSlot"/> does not enforce a limit.
    /// </summary>
    TrialAttempt Run(ResolvedTrial trial, string identity, ITrialObserver? observer, TrialTimeLimit? limit, CancellationToken cancellation);
}
