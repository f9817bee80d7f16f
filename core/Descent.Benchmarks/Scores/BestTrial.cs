namespace Descent.Benchmarks.Scores;

/// <summary>
/// Chooses a study's best trial by its selection metric alone. The function sees only the selection
/// (validation) values, so a test metric cannot leak into the choice (AlgoPerf and Schmidt et al. 2021 select
/// on validation; selecting on test would overstate every optimizer).
/// </summary>
public static class BestTrial
{
    /// <summary>
    /// The index of the best of <paramref name="selectionValues"/> under <paramref name="goal"/>; the first of
    /// equal bests; NaN (diverged) loses to every number; when all are NaN, 0.
    /// </summary>
    public static int Select(IReadOnlyList<double> selectionValues, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(selectionValues);
        if (selectionValues.Count == 0)
        {
            throw new ArgumentException("selectionValues is empty: a study needs at least one trial to choose from.", nameof(selectionValues));
        }

        int best = 0;
        for (int i = 1; i < selectionValues.Count; i++)
        {
            if (goal.IsBetter(selectionValues[i], selectionValues[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
