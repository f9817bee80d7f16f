using Descent.Tracking.Model;

namespace Descent.Tests.Tracking.Fakes;

/// <summary>A run held by the fake server.</summary>
public sealed class FakeRun
{
    public required string RunId { get; init; }

    public required string ExperimentId { get; init; }

    public required string ArtifactUri { get; init; }

    public string RunName { get; set; } = "";

    public string UserId { get; init; } = "";

    public string Status { get; set; } = "RUNNING";

    public long StartTime { get; init; }

    public long? EndTime { get; set; }

    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Every stored point, in arrival order.</summary>
    public List<Metric> Metrics { get; } = [];

    /// <summary>(key, timestamp, step, value) of every stored point: the SQL store's primary key.</summary>
    public HashSet<(string, long, long, long)> PointKeys { get; } = [];

    /// <summary>Artifact bytes by path relative to the run's artifact root.</summary>
    public Dictionary<string, byte[]> Artifacts { get; } = new(StringComparer.Ordinal);

    /// <summary>One metric's points in arrival order.</summary>
    public IReadOnlyList<Metric> History(string key) => Metrics.Where(m => m.Key == key).ToArray();
}
