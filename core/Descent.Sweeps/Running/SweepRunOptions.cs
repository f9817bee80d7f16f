using Descent.Sweeps.Sharding;

namespace Descent.Sweeps.Running;

/// <summary>How a sweep runs here.</summary>
/// <param name="Parallel">Trials run at once (each on its own thread, one libtorch thread each).</param>
/// <param name="Shard">The part of the sweep this process runs.</param>
/// <param name="Retries">
/// How many times a failed trial is run again (a new run each time; the failed run stays in the store).
/// Trials are deterministic, so a retry that finishes gives the numbers the first attempt would have;
/// retries are for failures outside the trial's control (e.g. a native library fault).
/// </param>
public sealed record SweepRunOptions(int Parallel, Shard Shard, int Retries = 1);
