using Descent.Engine.Trials;

namespace Descent.Runs.Files;

/// <summary>One entry of <see cref="TrialReport.Evaluations"/>: <c>{samples, epoch, split, loss, accuracy}</c>.</summary>
public sealed record EvaluationEntry(long Samples, double Epoch, string Split, double Loss, double? Accuracy)
{
    /// <summary>The entry for <paramref name="evaluation"/>.</summary>
    public static EvaluationEntry From(Evaluation evaluation) =>
        new(evaluation.Samples, evaluation.Epoch, evaluation.Split, evaluation.Loss, evaluation.Accuracy);
}
