namespace Descent.Sweeps.Search;

/// <summary>The first primes, 2, 3, 5, ..., by trial division (a Halton sequence needs one per dimension).</summary>
internal static class Primes
{
    /// <summary>The first <paramref name="count"/> primes, in increasing order.</summary>
    public static int[] First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var primes = new int[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++)
        {
            bool prime = true;
            for (int i = 0; i < found && primes[i] * primes[i] <= candidate; i++)
            {
                if (candidate % primes[i] == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                primes[found++] = candidate;
            }
        }

        return primes;
    }
}
