namespace Descent.Cli.Bench.Workloads;

/// <summary>One workload measured on one side (Descent or PyTorch) at one thread count.</summary>
/// <param name="EpochSeconds">Training seconds of each epoch (evaluation excluded).</param>
/// <param name="EvalImagesPerSecond">Images evaluated per second (no_grad, in batches) in the warm evaluations.</param>
/// <param name="WorkingSetMb">Resident set in MB: at the start, then after each epoch.</param>
/// <param name="LiveTensors">Live tensors at the start, then after each epoch; null where not counted (PyTorch).</param>
public sealed record WorkloadMeasurement(
    IReadOnlyList<double> EpochSeconds,
    double EvalImagesPerSecond,
    IReadOnlyList<double> WorkingSetMb,
    IReadOnlyList<double>? LiveTensors)
{
    /// <summary>
    /// Seconds per epoch: the mean of the epochs after the first (the first carries the warm-up: code compiled, memory
    /// pools filled), or the only one.
    /// </summary>
    public double SecondsPerEpoch => EpochSeconds.Count == 1 ? EpochSeconds[0] : EpochSeconds.Skip(1).Average();
}
