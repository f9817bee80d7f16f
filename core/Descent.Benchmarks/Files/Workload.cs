using Descent.Sweeps.Files;

namespace Descent.Benchmarks.Files;

/// <summary>
/// One test problem of a benchmark: what is trained (objective, dataset, training settings, the same for every
/// optimizer), the metric that selects the best configuration and its target, and the metric reported on held-out data.
/// </summary>
/// <param name="Name">The workload's name in reports and run names, e.g. <c>fmnist-mlp</c>.</param>
/// <param name="Objective">The objective plugin and its args.</param>
/// <param name="Dataset">The dataset plugin and its args, for data objectives.</param>
/// <param name="Training">Steps or epochs, batch size, evaluation settings: the step budget.</param>
/// <param name="Target">The selection metric (validation, never test), its direction and the value to reach.</param>
/// <param name="TestMetric">The held-out metric reported beside it (e.g. <c>test/accuracy</c>), or null.</param>
/// <param name="TimeBudgetSeconds">A target reached after this many training seconds counts as missed (AlgoPerf's runtime budget); null for none.</param>
/// <param name="Location">Where the workload is in the file.</param>
public sealed record Workload(
    string Name,
    ComponentSection Objective,
    ComponentSection? Dataset,
    TrainingSection Training,
    MetricTarget Target,
    string? TestMetric,
    double? TimeBudgetSeconds,
    SourceLocation Location);
