namespace Descent.Cli.Bench.Workloads;

/// <summary>
/// One workload at one thread count over the benchmark's rounds: Descent's measurement and PyTorch's from each round
/// (the two sides alternate which goes first, so a machine that drifts over minutes slows both alike). Each round
/// gives its own ratios; the comparison's figures are the medians over the rounds.
/// </summary>
public sealed class WorkloadComparison
{
    private readonly List<WorkloadMeasurement> descent = [];
    private readonly List<WorkloadMeasurement?> pytorch = [];

    /// <summary>Descent's measurement in each round.</summary>
    public IReadOnlyList<WorkloadMeasurement> Descent => descent;

    /// <summary>PyTorch's measurement in each round, null where the baseline did not run.</summary>
    public IReadOnlyList<WorkloadMeasurement?> PyTorch => pytorch;

    /// <summary>Rounds added so far.</summary>
    public int Rounds => descent.Count;

    /// <summary>Whether every round has PyTorch's measurement beside Descent's.</summary>
    public bool HasPyTorch => pytorch.Count > 0 && pytorch.All(p => p is not null);

    /// <summary>Descent's seconds per epoch: the median over the rounds.</summary>
    public double SecondsPerEpoch => BenchStatistics.Median(descent.Select(d => d.SecondsPerEpoch).ToArray());

    /// <summary>Descent's evaluation images per second: the median over the rounds.</summary>
    public double EvalImagesPerSecond => BenchStatistics.Median(descent.Select(d => d.EvalImagesPerSecond).ToArray());

    /// <summary>PyTorch's seconds per epoch (median over the rounds), or null.</summary>
    public double? PyTorchSecondsPerEpoch => HasPyTorch ? BenchStatistics.Median(pytorch.Select(p => p!.SecondsPerEpoch).ToArray()) : null;

    /// <summary>PyTorch's evaluation images per second (median over the rounds), or null.</summary>
    public double? PyTorchEvalImagesPerSecond => HasPyTorch ? BenchStatistics.Median(pytorch.Select(p => p!.EvalImagesPerSecond).ToArray()) : null;

    /// <summary>Descent's seconds per epoch over PyTorch's, round by round (goal: at most 1); empty without PyTorch.</summary>
    public IReadOnlyList<double> EpochTimeRatios => HasPyTorch ? descent.Zip(pytorch, (d, p) => d.SecondsPerEpoch / p!.SecondsPerEpoch).ToArray() : [];

    /// <summary>Descent's evaluation speed over PyTorch's, round by round (goal: at least 1); empty without PyTorch.</summary>
    public IReadOnlyList<double> EvalSpeedRatios => HasPyTorch ? descent.Zip(pytorch, (d, p) => d.EvalImagesPerSecond / p!.EvalImagesPerSecond).ToArray() : [];

    /// <summary>Adds one round: Descent's measurement and PyTorch's (null when the baseline did not run).</summary>
    public void Add(WorkloadMeasurement ours, WorkloadMeasurement? theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        descent.Add(ours);
        pytorch.Add(theirs);
    }

    /// <summary>The median of per-round ratios, or null when there are none.</summary>
    public static double? Median(IReadOnlyList<double> ratios) => ratios.Count == 0 ? null : BenchStatistics.Median(ratios.ToArray());
}
