using Descent.Benchmarks.Scores;

namespace Descent.Benchmarks.Reporting;

/// <summary>One optimizer against the benchmark's baseline on one workload, over the reruns both trained with the same study and seed.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Optimizer">The candidate.</param>
/// <param name="Baseline">The baseline.</param>
/// <param name="Result">The comparison of the reruns' best validation values; null when it cannot be made (<paramref name="Problem"/> says why).</param>
/// <param name="Problem">Why there is no comparison (too few matched reruns, every one diverged), or null.</param>
public sealed record BaselineComparison(string Workload, string Optimizer, string Baseline, PairedComparison? Result, string? Problem);
