namespace Descent.Engine.Trials;

/// <summary>One recorded point of a trial's loss history.</summary>
/// <param name="Step">Optimizer steps taken so far (0 = the start).</param>
/// <param name="Samples">Training samples seen so far (0 for analytic objectives).</param>
/// <param name="Epoch">Fractional epoch: samples / rows (0 for analytic objectives).</param>
/// <param name="Loss">The recorded loss: f(x) for analytic objectives, the full-data loss for data objectives.</param>
/// <param name="Params">All parameter values, flattened in parameter order; recorded for analytic objectives only.</param>
public sealed record HistoryPoint(long Step, long Samples, double Epoch, double Loss, IReadOnlyList<double>? Params)
{
    /// <summary>Under a schedule: the learning rate the last step used, read back from the optimizer; null at the start and without a schedule.</summary>
    public double? LearningRate { get; init; }
}
