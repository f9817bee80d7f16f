using Descent.Plotting;
using Descent.Reports.Reading;
using Descent.Reports.Statistics;

namespace Descent.Reports.Pictures;

/// <summary>
/// A configuration's accuracy curve over its seeds: at each step (samples seen) that every counted run evaluated, the
/// mean (the line) and the min and max (the band). Runs that do not count are left out, as in the statistics.
/// </summary>
public static class AccuracyBands
{
    /// <summary>The series of <paramref name="history"/> (valid or test accuracy), or null when no counted run recorded it.</summary>
    public static AccuracySeries? Of(ConfigurationResult configuration, Func<ReportRun, MetricHistory> history)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(history);
        var runs = configuration.Runs.Where(r => r.Counts && history(r).Count > 0).Select(history).ToArray();
        if (runs.Length == 0)
        {
            return null;
        }

        var indexes = runs.Select(h => h.Steps.Select((step, i) => (step, i)).ToDictionary(p => p.step, p => p.i)).ToArray();
        var x = new List<double>();
        var mean = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        foreach (long step in runs[0].Steps)
        {
            // A seed that stopped at its target early has no later points: the curve ends where the first seed stops.
            if (!indexes.All(ix => ix.ContainsKey(step)))
            {
                continue;
            }

            var values = runs.Select((h, k) => h.Values[indexes[k][step]]).ToArray();
            x.Add(step);
            mean.Add(values.Average());
            lower.Add(values.Min());
            upper.Add(values.Max());
        }

        return x.Count == 0
            ? null
            : new AccuracySeries(configuration.DisplayLabel, [.. x], [.. mean], runs.Length > 1 ? [.. lower] : null, runs.Length > 1 ? [.. upper] : null);
    }
}
