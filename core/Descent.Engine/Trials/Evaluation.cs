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
public sealed record Evaluation(long Step, long Samples, double Epoch, string Split, double Loss, double? Accuracy);
