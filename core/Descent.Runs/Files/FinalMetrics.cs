using Descent.Contracts;
using Descent.Engine.Trials;

namespace Descent.Runs.Files;

/// <summary><see cref="TrialReport.Final"/>: the last evaluation of each split (null where a split has none).</summary>
public sealed record FinalMetrics(double? TrainEvalLoss, double? ValidLoss, double? ValidAccuracy, double? TestLoss, double? TestAccuracy)
{
    /// <summary>The final metrics of <paramref name="result"/>, or null when it evaluated nothing.</summary>
    public static FinalMetrics? From(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Evaluations.Count == 0)
        {
            return null;
        }

        var valid = result.LastEvaluation(SplitNames.Valid);
        var test = result.LastEvaluation(SplitNames.Test);
        return new FinalMetrics(result.LastEvaluation(SplitNames.TrainEval)?.Loss, valid?.Loss, valid?.Accuracy, test?.Loss, test?.Accuracy);
    }
}
