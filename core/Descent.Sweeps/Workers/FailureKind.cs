namespace Descent.Sweeps.Workers;

/// <summary>How an attempt at a trial went wrong, which decides whether a retry can help.</summary>
public enum FailureKind
{
    /// <summary>It did not fail (finished, diverged or killed).</summary>
    None,

    /// <summary>A plugin raised an exception: deterministic, a retry would raise it again, so it is not retried.</summary>
    Exception,

    /// <summary>The trial's input could not be used (a plugin raised <c>TrialSetupException</c>, e.g. a missing data file): not retried.</summary>
    Setup,

    /// <summary>The worker process died (a signal, a native abort, an exit): retried.</summary>
    Crash,

    /// <summary>The trial ran past its time limit and its worker was killed: retried.</summary>
    Timeout,

    /// <summary>The worker went over <c>--worker-memory</c> and was killed (retried, in a fresh worker).</summary>
    Memory,
}
