using Descent.Sweeps.Sharding;

namespace Descent.Sweeps.Running;

/// <summary>How a sweep runs here.</summary>
/// <param name="Parallel">Trials run at once (each on its own thread, one libtorch thread each).</param>
/// <param name="Shard">The part of the sweep this process runs.</param>
public sealed record SweepRunOptions(int Parallel, Shard Shard);
