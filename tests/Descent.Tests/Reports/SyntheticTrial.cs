using Descent.Tracking.Model;

namespace Descent.Tests.Reports;

/// <summary>A trial run to write into a store: what the report reads (params, tags, loss history, summaries).</summary>
public sealed record SyntheticTrial
{
    public string Configuration { get; init; } = "sgd lr=0.1";

    public string Optimizer { get; init; } = "sgd";

    public string? LearningRate { get; init; } = "0.1";

    public long Seed { get; init; }

    /// <summary><c>finished</c>, <c>diverged</c>, <c>failed</c> or <c>killed</c>.</summary>
    public string Outcome { get; init; } = "finished";

    public RunStatus Status { get; init; } = RunStatus.Finished;

    /// <summary>The loss at samples 0, 100, 200, ...; the last is the final loss.</summary>
    public double[] Losses { get; init; } = [0.5, 0.3, 0.25];

    public double? SecondsPerEpoch { get; init; } = 0.01;

    public int BatchSize { get; init; } = 10;

    public int Epochs { get; init; } = 2;

    public string? Sweep { get; init; }

    public int? TrialIndex { get; init; }

    public string? TrialHash { get; init; }

    public string? Error { get; init; }

    public long StartTime { get; init; } = 1_700_000_000_000;

    /// <summary><c>valid/accuracy</c> at samples 0, 100, 200, ... (a classification trial); null for none.</summary>
    public double[]? ValidAccuracy { get; init; }

    /// <summary><c>test/accuracy</c> at samples 0, 100, 200, ...; null for none.</summary>
    public double[]? TestAccuracy { get; init; }

    /// <summary>The target params (<c>target.metric</c>, <c>target.value</c>, <c>target.mode</c>, <c>target.stop</c>); null for none.</summary>
    public (string Metric, string Value)? Target { get; init; }

    /// <summary>The <c>time_to_target/*</c> metrics (steps, samples, seconds); null when not reached.</summary>
    public (long Steps, long Samples, double Seconds)? TimeToTarget { get; init; }
}
