using Descent.Sweeps.Search;

namespace Descent.Tests.Sweeps;

/// <summary>
/// The Halton sequence against its published points, and the scrambled one against the properties the scrambling
/// must keep: a digit permutation that fixes 0, the stratification of every p^m consecutive points, a pure function of the index.
/// </summary>
public sealed class HaltonSequenceTests
{
    // Points 1 to 9 of the radical-inverse sequences in bases 2, 3 and 5 (Halton 1960; listed in Kocis & Whiten 1997,
    // "Computational investigations of low-discrepancy sequences", and in the Wikipedia article "Halton sequence").
    private static readonly (int Dimension, int Numerator, int Denominator)[][] Published =
    [
        [(0, 1, 2), (0, 1, 4), (0, 3, 4), (0, 1, 8), (0, 5, 8), (0, 3, 8), (0, 7, 8), (0, 1, 16), (0, 9, 16)],
        [(1, 1, 3), (1, 2, 3), (1, 1, 9), (1, 4, 9), (1, 7, 9), (1, 2, 9), (1, 5, 9), (1, 8, 9), (1, 1, 27)],
        [(2, 1, 5), (2, 2, 5), (2, 3, 5), (2, 4, 5), (2, 1, 25), (2, 6, 25), (2, 11, 25), (2, 16, 25), (2, 21, 25)],
    ];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void The_plain_sequence_gives_the_published_points(int dimension)
    {
        var halton = HaltonSequence.Plain(3);

        // Both sides are the exact fraction rounded once to the nearest double, so they are equal exactly.
        var expected = Published[dimension].Select(p => (double)p.Numerator / p.Denominator);
        var actual = Enumerable.Range(1, 9).Select(i => halton.Coordinate(i, dimension));
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(halton.Coordinate(0, dimension), Is.EqualTo(0.0));
    }

    [Test]
    public void The_plain_sequence_reflects_the_digits_of_a_large_index()
    {
        // 1000 = 1111101000 in base 2, reflected: 0.0001011111 = 95/1024; 1000 = 1101001 in base 3, reflected: 0.1001011 = 760/2187.
        var halton = HaltonSequence.Plain(2);

        Assert.That(halton.Point(1000), Is.EqualTo(new[] { 95.0 / 1024, 760.0 / 2187 }));
    }

    [Test]
    public void Coordinates_use_the_primes_in_order()
    {
        var halton = HaltonSequence.Plain(HaltonSequence.MaxDimensions);

        Assert.That(Enumerable.Range(0, 10).Select(halton.Base), Is.EqualTo(new[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29 }));
        Assert.That(halton.Base(999), Is.EqualTo(7919), "the 1000th prime");
    }

    [Test]
    public void Scrambling_permutes_the_nonzero_digits_and_keeps_zero()
    {
        var halton = HaltonSequence.Scrambled(6, seed: 42);

        for (int d = 0; d < halton.Dimensions; d++)
        {
            var permutation = halton.DigitPermutation(d);
            Assert.That(permutation[0], Is.EqualTo(0));
            Assert.That(permutation, Is.EquivalentTo(Enumerable.Range(0, halton.Base(d))));
        }

        Assert.That(Enumerable.Range(2, 4).Any(d => !halton.DigitPermutation(d).SequenceEqual(Enumerable.Range(0, halton.Base(d)))), Is.True,
            "bases 5 to 13 have 4! to 12! orders of their nonzero digits; the seed's should not all be the identity");
    }

    [TestCase(5, 1, 2, 1)] // 5 = 12 in base 3: digits 2, 1 (least significant first)
    [TestCase(7, 2, 2, 1)] // 7 = 12 in base 5: digits 2, 1
    [TestCase(50, 3, 1, 0, 1)] // 50 = 101 in base 7: digits 1, 0, 1
    public void A_scrambled_radical_inverse_is_the_reflection_of_the_permuted_digits(long index, int dimension, params int[] digits)
    {
        var halton = HaltonSequence.Scrambled(4, seed: 7);
        int p = halton.Base(dimension);
        var pi = halton.DigitPermutation(dimension);

        // Σ π(a_j) p^-(j+1), summed as an exact integer over p^J and divided once, as the sequence does.
        long numerator = digits.Aggregate(0L, (n, a) => (n * p) + pi[a]);
        double expected = (double)numerator / Math.Pow(p, digits.Length);
        Assert.That(halton.RadicalInverse(index, dimension), Is.EqualTo(expected));
    }

    [TestCase(0, 2, 10, 0L)]
    [TestCase(0, 2, 10, 101L)]
    [TestCase(1, 3, 6, 0L)]
    [TestCase(1, 3, 6, 101L)]
    [TestCase(2, 5, 4, 101L)]
    [TestCase(3, 7, 3, 5000L)]
    [TestCase(5, 13, 2, 12345L)]
    public void Any_p_to_the_m_consecutive_scrambled_points_fill_each_of_the_p_to_the_m_cells_once(int dimension, int p, int m, long start)
    {
        // The last m digits of p^m consecutive indices take every value once, and they (permuted) are the first m digits
        // of the radical inverse, which fix its cell of width p^-m. Exact: the 1e-9 of a cell added before flooring covers
        // the rounding of an exact fraction (1e-16 relative) and is far below the distance to the cell's upper edge (at least p^-J of a cell).
        var halton = HaltonSequence.Scrambled(6, seed: 2024);
        Assert.That(halton.Base(dimension), Is.EqualTo(p));
        int cells = (int)Math.Pow(p, m);

        var filled = Enumerable.Range(0, cells).Select(i => (int)Math.Floor((halton.RadicalInverse(start + i, dimension) * cells) + 1e-9)).ToArray();

        Assert.That(filled, Is.EquivalentTo(Enumerable.Range(0, cells)));
    }

    [Test]
    public void The_shift_rotates_each_coordinate_modulo_one()
    {
        var halton = HaltonSequence.Scrambled(3, seed: 5);

        for (int d = 0; d < 3; d++)
        {
            Assert.That(halton.Shift(d), Is.InRange(0.0, 1.0).And.Not.EqualTo(1.0));
            for (long i = 101; i < 200; i++)
            {
                double sum = halton.RadicalInverse(i, d) + halton.Shift(d);
                Assert.That(halton.Coordinate(i, d), Is.EqualTo(sum >= 1 ? sum - 1 : sum));
            }
        }

        Assert.That(HaltonSequence.Plain(3).Shift(2), Is.EqualTo(0.0));
    }

    [Test]
    public void The_same_seed_gives_the_same_points_and_another_seed_other_points()
    {
        var a = HaltonSequence.Scrambled(4, seed: 11);
        var b = HaltonSequence.Scrambled(4, seed: 11);
        var c = HaltonSequence.Scrambled(4, seed: 12);

        var indices = Enumerable.Range(101, 50).Select(i => (long)i).ToArray();
        Assert.That(indices.Select(a.Point), Is.EqualTo(indices.Select(b.Point)));
        Assert.That(indices.Zip(indices.Select(c.Point)).Count(x => a.Point(x.First).SequenceEqual(x.Second)), Is.Zero);
    }

    [Test]
    public void A_point_computed_alone_equals_the_same_point_computed_in_sequence()
    {
        var inOrder = HaltonSequence.Scrambled(5, seed: 3);
        var points = Enumerable.Range(0, 10_000).Select(i => inOrder.Point(i)).ToArray();

        foreach (long k in new long[] { 9_999, 0, 4_321, 101 })
        {
            Assert.That(HaltonSequence.Scrambled(5, seed: 3).Point(k), Is.EqualTo(points[k]), $"point {k}");
        }
    }

    [Test]
    public void Bad_arguments_are_refused_with_their_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HaltonSequence.Plain(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HaltonSequence.Scrambled(HaltonSequence.MaxDimensions + 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HaltonSequence.Plain(2).Coordinate(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HaltonSequence.Plain(2).Coordinate(HaltonSequence.MaxIndex + 1, 0));
        Assert.That(HaltonSequence.Plain(1).Coordinate(HaltonSequence.MaxIndex, 0), Is.EqualTo(1.0 / (1L << 41)), "2^40 reflected in base 2");
    }
}
