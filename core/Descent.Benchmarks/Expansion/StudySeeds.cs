using System.Security.Cryptography;
using System.Text;

namespace Descent.Benchmarks.Expansion;

/// <summary>
/// The seeds of a study, from the benchmark's seed and the study's index alone (so any trial can be made alone,
/// on any shard): its search draws from <see cref="Search"/>, its tuning trials train with <see cref="Training"/>.
/// </summary>
public static class StudySeeds
{
    /// <summary>The seed of study <paramref name="study"/>'s configuration draws (the same for every workload and optimizer).</summary>
    public static long Search(long benchmarkSeed, int study) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"descent-benchmark/{benchmarkSeed}/study-{study}/search")))) & long.MaxValue;

    /// <summary>The training seed of study <paramref name="study"/>'s tuning trials: the benchmark's seed plus the study's index.</summary>
    public static long Training(long benchmarkSeed, int study) => benchmarkSeed + study;
}
