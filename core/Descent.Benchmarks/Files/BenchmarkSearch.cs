namespace Descent.Benchmarks.Files;

/// <summary>How a study draws configurations from a search space.</summary>
public enum BenchmarkSearch
{
    /// <summary>A scrambled quasi-random sequence, seeded per study (AlgoPerf's design): even coverage for few trials.</summary>
    Quasirandom,

    /// <summary>Independent uniform draws, seeded per study.</summary>
    Random,
}
