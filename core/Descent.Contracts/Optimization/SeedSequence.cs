using System.Text;

namespace Descent.Contracts;

/// <summary>
/// Derives independent 64-bit seeds from a seed and a name (FNV-1a of the name mixed by SplitMix64),
/// identical on every platform and run.
/// </summary>
public static class SeedSequence
{
    /// <summary>The seed for <paramref name="purpose"/> under <paramref name="seed"/>; never negative.</summary>
    public static long Derive(long seed, string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(purpose))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (long)(Mix((ulong)seed ^ Mix(hash)) & long.MaxValue);
    }

    /// <summary>The SplitMix64 finalizer.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
