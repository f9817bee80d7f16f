using Descent.Contracts;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// Deterministic uniform numbers for random search: each draw is a function of the search seed and a
/// name (entry, sample, hyperparameter), so a sample never depends on how many were drawn before it.
/// </summary>
public static class RandomDraw
{
    /// <summary>A number in [0, 1) for <paramref name="name"/> under <paramref name="seed"/>.</summary>
    public static double Unit(long seed, string name) => (SeedSequence.Derive(seed, name) >> 10) * (1.0 / (1L << 53));
}
