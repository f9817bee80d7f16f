namespace Descent.Benchmarks.Reporting;

/// <summary>One rerun of a study's best configuration.</summary>
/// <param name="Study">The study whose best configuration it repeats.</param>
/// <param name="Seed">Its training seed.</param>
/// <param name="BestValidation">The best value of the selection metric it reached (NaN: diverged or failed).</param>
/// <param name="Test">Its test metric, or null.</param>
/// <param name="StepsToTarget">Steps to the target (+∞ when missed).</param>
public sealed record RerunScore(int Study, long Seed, double BestValidation, double? Test, double StepsToTarget);
