using Descent.Sweeps.Files;

namespace Descent.Benchmarks.Files;

/// <summary>
/// A benchmark file, parsed: workloads, optimizers with their search spaces, and the tuning protocol that
/// compares them (trials per study, studies, reruns of each study's best configuration).
/// </summary>
/// <param name="Path">Where it was read from.</param>
/// <param name="Text">Its text (attached to the benchmark's parent run).</param>
/// <param name="Name">The benchmark's name (the MLflow experiment by default).</param>
/// <param name="Description">What it compares.</param>
/// <param name="Seed">The seed every study's search and training seeds derive from.</param>
/// <param name="Workloads">The test problems, in file order.</param>
/// <param name="Optimizers">The optimizer entries with their search spaces (<c>hyperparameters</c>, as in experiment files), in file order.</param>
/// <param name="Protocol">How they are tuned and rerun.</param>
public sealed record BenchmarkFile(
    string Path,
    string Text,
    string Name,
    string Description,
    long Seed,
    IReadOnlyList<Workload> Workloads,
    IReadOnlyList<OptimizerEntry> Optimizers,
    TuningProtocol Protocol)
{
    /// <summary>What reading found wrong with the file, in file order; empty for a file that can run.</summary>
    public IReadOnlyList<ExperimentError> Problems { get; init; } = [];
}
