using Descent.Sweeps.Expansion;

namespace Descent.Sweeps.Sharding;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a sweep: the trials whose index modulo Count is
/// <see cref="Index"/>. Together the shards hold every trial exactly once.
/// </summary>
/// <param name="Index">0-based shard number.</param>
/// <param name="Count">Number of shards.</param>
/// <param name="Source">Where the shard came from (option or environment), for messages.</param>
public sealed record Shard(int Index, int Count, string Source)
{
    /// <summary>The whole sweep.</summary>
    public static Shard All { get; } = new(0, 1, "unsharded");

    /// <summary>True when this shard runs <paramref name="trial"/>.</summary>
    public bool Contains(SweepTrial trial) => trial.Index % Count == Index;

    /// <inheritdoc />
    public override string ToString() => Count == 1 ? "all trials" : $"shard {Index}/{Count} ({Source})";
}
