using Descent.Sweeps.Sharding;

namespace Descent.Sweeps.Running;

/// <summary>How a sweep runs here.</summary>
/// <param name="Parallel">Trials run at once (each in a worker process of its own, or on a thread with <c>--in-process</c>).</param>
/// <param name="Shard">The part of the sweep this process runs.</param>
/// <param name="Retries">
/// How many times a failed trial is run again (a new run each time; the failed run stays in the store).
/// Trials are deterministic, so a retry that finishes gives the numbers the first attempt would have;
/// retries are for failures outside the trial's control: a worker that crashed, a trial past its time
/// limit. A plain exception from a plugin repeats on every attempt and is not retried.
/// </param>
/// <param name="TrialTimeout">
/// The time limit of every trial (<c>--trial-timeout</c>; workers only: the trial is killed with its worker), overriding each
/// trial's own (<see cref="Expansion.SweepTrial.Timeout"/>, from the file's <c>timeout:</c>) for the whole run; null: each trial's own.
/// </param>
public sealed record SweepRunOptions(int Parallel, Shard Shard, int Retries = 1, TimeSpan? TrialTimeout = null);
