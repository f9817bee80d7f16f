namespace Descent.Engine.Trials;

/// <summary>
/// The metrics of one split at one point of training: for <c>train</c> the minibatch loss averaged since the
/// previous evaluation; for <c>train_eval</c>, <c>valid</c> and <c>test</c> the objective's metrics over the whole split.
/// </summary>
/// <param name="Step">Optimizer steps taken.</param>
/// <param name="Samples">Training samples seen (the step of the metric in tracking).</param>
/// <param name="Epoch">Fractional epoch: samples / training rows.</param>
/// <param name="Split">The split (<see cref="Contracts.SplitNames"/>).</param>
/// <param name="Loss">The mean loss.</param>
/// <param name="Accuracy">The top-1 accuracy (classification), else null.</param>
public sealed record Evaluation(long Step, long Samples, double Epoch, string Split, double Loss, double? Accuracy)
{
    /// <summary>
    /// The training clock when the evaluation was taken: wall seconds of the training steps so far (0 at the
    /// evaluation before the first step), evaluation time and set-up excluded. The splits of one evaluation share it.
    /// Not part of equality (<see cref="Equals(Evaluation?)"/>).
    /// </summary>
    public double TrainSeconds { get; init; }

    /// <summary>
    /// Equal when every metric is equal; <see cref="TrainSeconds"/> is left out, because a clock is never bitwise
    /// reproducible while the metrics are: two runs of one trial evaluate equally at different times.
    /// </summary>
    public bool Equals(Evaluation? other) =>
        other is not null
        && Step == other.Step
        && Samples == other.Samples
        && Epoch.Equals(other.Epoch)
        && Split == other.Split
        && Loss.Equals(other.Loss)
        && Nullable.Equals(Accuracy, other.Accuracy);

    /// <summary>The hash of the members <see cref="Equals(Evaluation?)"/> compares.</summary>
    public override int GetHashCode() => HashCode.Combine(Step, Samples, Epoch, Split, Loss, Accuracy);
}
