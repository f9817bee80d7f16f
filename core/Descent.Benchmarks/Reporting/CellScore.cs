using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Scores;

namespace Descent.Benchmarks.Reporting;

/// <summary>The scores of one optimizer on one workload.</summary>
/// <param name="Cell">The workload and optimizer.</param>
/// <param name="Studies">Each complete study's score and the median and spread over them; null when no study is complete.</param>
/// <param name="Budget">The expected best validation value after k of the tuning trials (all studies pooled), with its bootstrap band; null without two finite values.</param>
/// <param name="Reruns">The reruns of each study's best configuration, by seed.</param>
/// <param name="Sensitivity">(learning rate, best validation value) of every tuning trial that sets <c>lr</c>.</param>
public sealed record CellScore(
    BenchmarkCell Cell,
    StudiesSummary? Studies,
    BudgetCurve? Budget,
    IReadOnlyList<RerunScore> Reruns,
    IReadOnlyList<(double LearningRate, double Value)> Sensitivity);
