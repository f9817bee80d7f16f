namespace Descent.Datasets.Tabular;

/// <summary>
/// Standard normal numbers from a seed, the same on every machine and every libtorch version: SplitMix64
/// (Steele, Lea and Flood 2014) for uniform doubles, turned into pairs of normals by Marsaglia's polar
/// method (which needs only <c>Math.Log</c> and <c>Math.Sqrt</c>). Not cryptographic; not thread-safe.
/// </summary>
public sealed class GaussianStream
{
    private ulong state;
    private double? spare;

    /// <summary>Starts the stream at <paramref name="seed"/>.</summary>
    public GaussianStream(ulong seed)
    {
        state = seed;
    }

    /// <summary>The next standard normal number.</summary>
    public double Next()
    {
        if (spare is { } kept)
        {
            spare = null;
            return kept;
        }

        double u, v, s;
        do
        {
            u = (2 * Uniform()) - 1;
            v = (2 * Uniform()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spare = v * factor;
        return u * factor;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    private double Uniform()
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
