namespace Descent.Tracking.Model;

/// <summary>
/// One <c>runs/log-batch</c> request's worth of records. <see cref="Recording.LogBatchBuilder"/> keeps a batch
/// within MLflow's limits (<see cref="MlflowLimits"/>).
/// </summary>
public sealed record LogBatch(IReadOnlyList<Metric> Metrics, IReadOnlyList<Param> Params, IReadOnlyList<RunTag> Tags)
{
    /// <summary>A batch with nothing in it.</summary>
    public static LogBatch Empty { get; } = new([], [], []);

    /// <summary>Metrics, params and tags together.</summary>
    public int Count => Metrics.Count + Params.Count + Tags.Count;
}
