namespace Descent.Benchmarks.Scores;

/// <summary>
/// The scores of one tuning study (a fixed number of trials of one optimizer on one workload).
/// <list type="bullet">
/// <item><see cref="BestTrial"/>: the trial with the best selection (validation) value, by <see cref="Scores.BestTrial.Select"/>;
/// <see cref="BestValidation"/> and <see cref="TestOfBest"/> are its numbers. The test metric is reported, never used to choose.</item>
/// <item><see cref="TimeToTarget"/>: as AlgoPerf scores a study (scoring/performance_profile.py, <c>get_best_trial_index</c>),
/// the time of its fastest trial to the validation target: fewest steps, ties by fewer seconds, then the first trial;
/// <see cref="Scores.TimeToTarget.Miss"/> when no trial reached it. <see cref="FastestTrial"/> names that trial.</item>
/// </list>
/// </summary>
/// <param name="BestTrial">Index of the trial with the best selection value.</param>
/// <param name="BestValidation">Its best selection value (NaN when every trial diverged).</param>
/// <param name="TestOfBest">Its test metric, when it has one.</param>
/// <param name="TimeToTarget">The study's time to target.</param>
/// <param name="FastestTrial">Index of the trial that gives <see cref="TimeToTarget"/>; null on a miss.</param>
public sealed record StudyScore(int BestTrial, double BestValidation, double? TestOfBest, TimeToTarget TimeToTarget, int? FastestTrial)
{
    /// <summary>The scores of the study whose trials are <paramref name="trials"/> (at least one).</summary>
    public static StudyScore Of(IReadOnlyList<TrialCurve> trials, Target target)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(target);
        if (trials.Count == 0)
        {
            throw new ArgumentException("trials is empty: a study needs at least one trial.", nameof(trials));
        }

        for (int i = 0; i < trials.Count; i++)
        {
            if (trials[i] is null)
            {
                throw new ArgumentException($"trials[{i}] is null.", nameof(trials));
            }
        }

        int best = Scores.BestTrial.Select(trials.Select(t => t.BestSelectionValue).ToArray(), target.Goal);

        int? fastest = null;
        var time = Scores.TimeToTarget.Miss;
        for (int i = 0; i < trials.Count; i++)
        {
            var t = Scores.TimeToTarget.Of(trials[i].Points, target);
            if (t.Reached && (t.Steps < time.Steps || (t.Steps == time.Steps && t.Seconds < time.Seconds)))
            {
                (fastest, time) = (i, t);
            }
        }

        return new StudyScore(best, trials[best].BestSelectionValue, trials[best].TestMetric, time, fastest);
    }
}
