using Descent.Engine.Trials;

namespace Descent.Sweeps.Workers;

/// <summary>One attempt at a trial.</summary>
/// <param name="Result">What it produced (for a crash or a timeout: the points recorded before it, status failed).</param>
/// <param name="Failure">How it failed, if it did.</param>
/// <param name="WorkerOutput">The worker's whole standard error during the trial, when its worker crashed or was killed; null otherwise.</param>
public sealed record TrialAttempt(TrialResult Result, FailureKind Failure, string? WorkerOutput = null)
{
    /// <summary>The message of the <c>TrialSetupException</c> of a <see cref="FailureKind.Setup"/> failure (what to fix in the input).</summary>
    public string? SetupMessage { get; init; }

    /// <summary>True when a retry may end differently: a crash or a timeout, never a plain exception.</summary>
    public bool Retryable => Failure is FailureKind.Crash or FailureKind.Timeout or FailureKind.Memory;
}
