using Descent.Contracts;

namespace Descent.Sweeps.Search;

/// <summary>
/// The Halton sequence (Halton 1960), plain or scrambled as AlgoPerf scrambles it. Coordinate <c>d</c> of point
/// <c>i</c> is the radical inverse of <c>i</c> in the <c>d</c>-th prime base (2, 3, 5, ...): the base-p digits of
/// <c>i</c> reflected about the radix point, so <c>i = 6 = 110₂</c> gives <c>0.011₂ = 3/8</c>.
/// </summary>
/// <remarks>
/// Scrambling follows AlgoPerf's <c>algoperf/halton.py</c> (after Bousquet et al. 2017, arXiv:1706.03200): each base's
/// nonzero digits 1..p-1 pass through one random permutation (0 stays 0, so the sum stays finite), then each coordinate
/// is shifted by a random amount modulo 1 (a Cranley–Patterson rotation). Unlike AlgoPerf, whose permutations are
/// seeded by the base alone, the permutations and shifts here derive from <see cref="Seed"/> through
/// <see cref="SeedSequence.Derive"/>, so different seeds give different sequences. Every point is computed from its
/// index alone, in O(log_p i) per coordinate, with one rounding: the exact fraction N / p^J is divided once in
/// double precision (N and p^J stay below 2^53 for indices up to <see cref="MaxIndex"/>).
/// </remarks>
public sealed class HaltonSequence
{
    /// <summary>The most dimensions a sequence has (the 1000th prime is 7919).</summary>
    public const int MaxDimensions = 1000;

    /// <summary>The largest index a point can have (2^40, so that p * index stays below 2^53 for every base).</summary>
    public const long MaxIndex = 1L << 40;

    private readonly int[] bases;
    private readonly int[][] permutations;
    private readonly double[] shifts;

    private HaltonSequence(int dimensions, long? seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Seed = seed;
        bases = Primes.First(dimensions);
        permutations = new int[dimensions][];
        shifts = new double[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            permutations[d] = seed is { } s ? DigitShuffle(s, d, bases[d]) : Enumerable.Range(0, bases[d]).ToArray();
            shifts[d] = seed is { } t ? (SeedSequence.Derive(t, $"halton/dimension-{d}/shift") >> 10) * (1.0 / (1L << 53)) : 0.0;
        }
    }

    /// <summary>The seed of the permutations and shifts; <c>null</c> for the plain sequence.</summary>
    public long? Seed { get; }

    /// <summary>How many coordinates each point has.</summary>
    public int Dimensions => bases.Length;

    /// <summary>The plain Halton sequence in <paramref name="dimensions"/> dimensions: no permutation, no shift.</summary>
    public static HaltonSequence Plain(int dimensions) => new(dimensions, null);

    /// <summary>The Halton sequence in <paramref name="dimensions"/> dimensions, its digits permuted and its coordinates shifted as <paramref name="seed"/> fixes.</summary>
    public static HaltonSequence Scrambled(int dimensions, long seed) => new(dimensions, seed);

    /// <summary>The prime base of coordinate <paramref name="dimension"/> (the <c>dimension</c>-th prime, from 0: 2, 3, 5, ...).</summary>
    public int Base(int dimension) => bases[dimension];

    /// <summary>
    /// Where coordinate <paramref name="dimension"/> sends each digit (index: the digit, value: its image): a permutation
    /// of 0..p-1 that keeps 0; the identity for the plain sequence.
    /// </summary>
    public IReadOnlyList<int> DigitPermutation(int dimension) => permutations[dimension];

    /// <summary>The shift in [0, 1) added to coordinate <paramref name="dimension"/> modulo 1; 0 for the plain sequence.</summary>
    public double Shift(int dimension) => shifts[dimension];

    /// <summary>
    /// The radical inverse of <paramref name="index"/> in coordinate <paramref name="dimension"/>'s base with its digits
    /// permuted, before the shift: <c>Σ_j π(a_j) p^-(j+1)</c> for the digits <c>a_j</c> of the index, least significant first.
    /// </summary>
    public double RadicalInverse(long index, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, MaxIndex);
        int p = bases[dimension];
        int[] permutation = permutations[dimension];

        // Exact: numerator / p^J with J the number of digits; both below p * MaxIndex < 2^53.
        long numerator = 0;
        long denominator = 1;
        for (long rest = index; rest > 0; rest /= p)
        {
            numerator = (numerator * p) + permutation[rest % p];
            denominator *= p;
        }

        return (double)numerator / denominator;
    }

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/>, in [0, 1): the permuted radical inverse plus the shift, modulo 1.</summary>
    public double Coordinate(long index, int dimension)
    {
        double shifted = RadicalInverse(index, dimension) + shifts[dimension];
        return shifted >= 1.0 ? shifted - 1.0 : shifted;
    }

    /// <summary>Point <paramref name="index"/> (0 ≤ index ≤ <see cref="MaxIndex"/>), all its coordinates.</summary>
    public double[] Point(long index)
    {
        var point = new double[bases.Length];
        for (int d = 0; d < point.Length; d++)
        {
            point[d] = Coordinate(index, d);
        }

        return point;
    }

    /// <summary>A permutation of 0..p-1 that keeps 0: the digits 1..p-1 shuffled (Fisher–Yates) by draws derived from the seed.</summary>
    private static int[] DigitShuffle(long seed, int dimension, int p)
    {
        var permutation = Enumerable.Range(0, p).ToArray();
        for (int i = p - 1; i > 1; i--)
        {
            // The modulo's bias is below i / 2^63: negligible for bases of a few thousand.
            int j = 1 + (int)(SeedSequence.Derive(seed, $"halton/dimension-{dimension}/swap-{i}") % i);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }

        return permutation;
    }
}
