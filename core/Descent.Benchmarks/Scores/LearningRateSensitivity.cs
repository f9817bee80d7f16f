namespace Descent.Benchmarks.Scores;

/// <summary>
/// How tuneable an optimizer is in its learning rate, read from a sweep of trials (Schmidt et al. 2021 and Sivaprasad
/// et al. 2020, "Optimizer benchmarking needs to account for hyperparameter tuning", ask how wide a range of good
/// learning rates is, not only how good the best one is):
/// <list type="bullet">
/// <item>the best trial: the best finite validation value under the goal (the first of equal bests);</item>
/// <item>a trial is within tolerance when its value is no worse than the best by more than relativeTolerance × |best|:
/// v ≤ best + tol |best| when minimizing, v ≥ best − tol |best| when maximizing (a best of 0 admits only 0);
/// a non-finite value (diverged) never is;</item>
/// <item><see cref="FractionWithinTolerance"/>: the trials within tolerance over all trials;</item>
/// <item><see cref="WidthDecades"/>: log10(max lr / min lr) over the trials within tolerance, the width of the good
/// range in decades (0 when one learning rate is good; gaps between good learning rates are not subtracted).</item>
/// </list>
/// </summary>
/// <param name="BestLearningRate">The learning rate of the best trial.</param>
/// <param name="BestValidation">Its validation value.</param>
/// <param name="FractionWithinTolerance">The fraction of trials within tolerance of the best, in (0, 1].</param>
/// <param name="LowestWithinTolerance">The smallest learning rate within tolerance.</param>
/// <param name="HighestWithinTolerance">The largest learning rate within tolerance.</param>
/// <param name="WidthDecades">log10(<paramref name="HighestWithinTolerance"/> / <paramref name="LowestWithinTolerance"/>), ≥ 0.</param>
/// <param name="RelativeTolerance">The tolerance, relative to |best|.</param>
public sealed record LearningRateSensitivity(
    double BestLearningRate,
    double BestValidation,
    double FractionWithinTolerance,
    double LowestWithinTolerance,
    double HighestWithinTolerance,
    double WidthDecades,
    double RelativeTolerance)
{
    /// <summary>
    /// The sensitivity of <paramref name="trials"/> (at least one with a finite value) under <paramref name="goal"/>;
    /// the default tolerance is 5% of the best value.
    /// </summary>
    public static LearningRateSensitivity Of(IReadOnlyList<SensitivityTrial> trials, Goal goal, double relativeTolerance = 0.05)
    {
        Check(trials, goal, relativeTolerance);
        int best = -1;
        for (int i = 0; i < trials.Count; i++)
        {
            if (double.IsFinite(trials[i].BestValidation) && (best < 0 || goal.IsBetter(trials[i].BestValidation, trials[best].BestValidation)))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            throw new ArgumentException(
                $"Every one of the {trials.Count} trials has a non-finite best validation (diverged): no learning rate to measure from; widen the sweep toward smaller learning rates.",
                nameof(trials));
        }

        double bestValue = trials[best].BestValidation;
        double slack = relativeTolerance * Math.Abs(bestValue);
        double bound = goal == Goal.Minimize ? bestValue + slack : bestValue - slack;
        var within = trials
            .Where(t => double.IsFinite(t.BestValidation) && (goal == Goal.Minimize ? t.BestValidation <= bound : t.BestValidation >= bound))
            .Select(t => t.LearningRate)
            .ToArray();

        double lowest = within.Min();
        double highest = within.Max();
        return new LearningRateSensitivity(
            trials[best].LearningRate,
            bestValue,
            (double)within.Length / trials.Count,
            lowest,
            highest,
            Math.Log10(highest / lowest),
            relativeTolerance);
    }

    private static void Check(IReadOnlyList<SensitivityTrial> trials, Goal goal, double relativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
        {
            throw new ArgumentException("trials is empty: give at least one trial of the learning-rate sweep.", nameof(trials));
        }

        if (!Enum.IsDefined(goal))
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal, $"Invalid goal {goal}: use Goal.Minimize or Goal.Maximize.");
        }

        if (!(relativeTolerance >= 0) || double.IsInfinity(relativeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, $"Invalid relativeTolerance = {relativeTolerance}: give a finite fraction ≥ 0 of the best value, e.g. 0.05.");
        }

        for (int i = 0; i < trials.Count; i++)
        {
            var trial = trials[i] ?? throw new ArgumentException($"trials[{i}] is null.", nameof(trials));
            if (!(trial.LearningRate > 0) || double.IsInfinity(trial.LearningRate))
            {
                throw new ArgumentException($"trials[{i}].LearningRate is {trial.LearningRate}: learning rates must be finite numbers > 0.", nameof(trials));
            }
        }
    }
}
