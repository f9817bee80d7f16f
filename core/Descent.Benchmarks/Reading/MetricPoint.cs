namespace Descent.Benchmarks.Reading;

/// <summary>One recorded value of a metric at a step (samples for data workloads, optimizer steps otherwise, as tracked).</summary>
public readonly record struct MetricPoint(long Step, double Value);
