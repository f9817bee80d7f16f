using Descent.Contracts;

namespace Descent.Sweeps.Search;

/// <summary>
/// Quasi-random search as AlgoPerf runs it (<c>algoperf/halton.py</c>): an optimizer entry's sample <c>k</c> is point
/// <see cref="Index"/>(k) of a scrambled <see cref="HaltonSequence"/> with one dimension per sampled hyperparameter.
/// The sequence's scrambling derives from the search seed and the entry's index alone, so any sample can be made on
/// its own, on any shard, and always comes out the same.
/// </summary>
/// <remarks>
/// Two departures from <c>halton.py</c>, both for reproducibility from the index alone: its bases are the largest primes
/// below 1000 with permutations seeded by the base, here the first primes (Halton's choice) with permutations from the
/// seed; and it shuffles the finished list of trials with numpy's global generator, here trial <c>k</c> is always point
/// <see cref="Index"/>(k).
/// </remarks>
public static class QuasirandomSearch
{
    /// <summary>
    /// How many points are skipped at the start of the sequence (AlgoPerf's default, 100): the first points of
    /// neighbouring bases are correlated (bases 17 and 19 put points 1 to 16 on one line).
    /// </summary>
    public const int Skip = 100;

    /// <summary>The scrambled sequence of entry <paramref name="entry"/> under <paramref name="searchSeed"/>, in <paramref name="dimensions"/> dimensions.</summary>
    public static HaltonSequence Sequence(long searchSeed, int entry, int dimensions) =>
        HaltonSequence.Scrambled(dimensions, SeedSequence.Derive(searchSeed, $"entry-{entry}/quasirandom"));

    /// <summary>
    /// The sequence index of sample <paramref name="sample"/>: <c>Skip + 1 + sample</c> (AlgoPerf counts points from 1,
    /// the origin being point 0, and drops the first <see cref="Skip"/>).
    /// </summary>
    public static long Index(long sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        return Skip + 1 + sample;
    }
}
