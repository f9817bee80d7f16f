namespace Descent.Benchmarks.Scores;

/// <summary>
/// One optimizer on one workload over its independent studies: each study's <see cref="StudyScore"/>, then the
/// median and spread over studies (AlgoPerf scores a workload by <c>np.median</c> of the per-study times, so a
/// median of {3, ∞, ∞} is ∞: an optimizer must reach the target in most studies to be timed). Diverged best
/// values (NaN) enter the spreads as the goal's worst value (+∞ when minimizing).
/// </summary>
/// <param name="Studies">Each study's score, in the order given.</param>
/// <param name="StepsToTarget">Steps to target over studies.</param>
/// <param name="SecondsToTarget">Seconds to target over studies.</param>
/// <param name="BestValidation">Best selection (validation) value over studies.</param>
/// <param name="TestMetric">Test metric of each study's best trial, over the studies that have one; null when none has.</param>
public sealed record StudiesSummary(
    IReadOnlyList<StudyScore> Studies,
    Spread StepsToTarget,
    Spread SecondsToTarget,
    Spread BestValidation,
    Spread? TestMetric)
{
    /// <summary>How many studies reached the target.</summary>
    public int Reached => Studies.Count(s => s.TimeToTarget.Reached);

    /// <summary>The summary of <paramref name="studies"/>, each a list of its trials.</summary>
    public static StudiesSummary Of(IReadOnlyList<IReadOnlyList<TrialCurve>> studies, Target target)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(target);
        if (studies.Count == 0)
        {
            throw new ArgumentException("studies is empty: give at least one study.", nameof(studies));
        }

        var scores = new StudyScore[studies.Count];
        for (int i = 0; i < studies.Count; i++)
        {
            if (studies[i] is null || studies[i].Count == 0)
            {
                throw new ArgumentException($"studies[{i}] has no trials: every study needs at least one.", nameof(studies));
            }

            scores[i] = StudyScore.Of(studies[i], target);
        }

        var goal = target.Goal;
        var tests = scores.Where(s => s.TestOfBest is not null).Select(s => goal.NaNAsWorst(s.TestOfBest!.Value)).ToArray();
        return new StudiesSummary(
            scores,
            Spread.Of(scores.Select(s => s.TimeToTarget.Steps)),
            Spread.Of(scores.Select(s => s.TimeToTarget.Seconds)),
            Spread.Of(scores.Select(s => goal.NaNAsWorst(s.BestValidation))),
            tests.Length == 0 ? null : Spread.Of(tests));
    }
}
