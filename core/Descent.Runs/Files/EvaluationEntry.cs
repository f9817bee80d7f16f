using Descent.Engine.Trials;

namespace Descent.Runs.Files;

/// <summary>One entry of <see cref="TrialReport.Evaluations"/>: <c>{samples, epoch, split, loss, accuracy, train_seconds}</c>.</summary>
/// <param name="Samples">Training samples seen.</param>
/// <param name="Epoch">Fractional epoch.</param>
/// <param name="Split">The split.</param>
/// <param name="Loss">The mean loss.</param>
/// <param name="Accuracy">The top-1 accuracy (classification), else null.</param>
/// <param name="TrainSeconds">The training clock when it was taken (<see cref="Evaluation.TrainSeconds"/>).</param>
public sealed record EvaluationEntry(long Samples, double Epoch, string Split, double Loss, double? Accuracy, double TrainSeconds)
{
    /// <summary>The entry for <paramref name="evaluation"/>.</summary>
    public static EvaluationEntry From(Evaluation evaluation) =>
        new(evaluation.Samples, evaluation.Epoch, evaluation.Split, evaluation.Loss, evaluation.Accuracy, evaluation.TrainSeconds);
}
