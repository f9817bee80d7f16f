namespace Descent.Cli.Bench;

/// <summary>Every benchmark <c>descent bench</c> knows.</summary>
public static class BenchmarkSuites
{
    /// <summary>The suites, by name.</summary>
    public static IReadOnlyList<IBenchmarkSuite> All { get; } =
    [
        new TrainingStepSuite(),
        new ScheduleCostSuite(),
        new TrackingOverheadSuite(),
        new SweepThroughputSuite(),
        new ProtocolOverheadSuite(),
        new WorkloadsSuite(),
    ];
}
