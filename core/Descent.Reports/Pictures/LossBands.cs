using Descent.Plotting;
using Descent.Reports.Statistics;

namespace Descent.Reports.Pictures;

/// <summary>
/// A configuration's loss curve over its seeds: at each step that every counted run recorded, the mean
/// (the line) and the min and max (the band). Diverged and unfinished runs are left out, as in the statistics.
/// </summary>
public static class LossBands
{
    /// <summary>The series, or null when no counted run recorded a loss.</summary>
    public static LossSeries? Of(ConfigurationResult configuration, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var runs = configuration.Runs.Where(r => r.Counts && r.Loss.Count > 0).ToArray();
        if (runs.Length == 0)
        {
            return null;
        }

        var indexes = runs.Select(r => r.Loss.Steps.Select((step, i) => (step, i)).ToDictionary(p => p.step, p => p.i)).ToArray();
        var first = runs[0].Loss;
        var x = new List<double>();
        var mean = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        for (int i = 0; i < first.Count; i++)
        {
            long step = first.Steps[i];
            if (!double.IsFinite(first.X[i]) || !indexes.All(ix => ix.ContainsKey(step)))
            {
                continue;
            }

            var values = runs.Select((r, k) => r.Loss.Loss[indexes[k][step]]).ToArray();
            x.Add(first.X[i]);
            mean.Add(values.Average());
            lower.Add(values.Min());
            upper.Add(values.Max());
        }

        return x.Count == 0
            ? null
            : new LossSeries(label ?? configuration.DisplayLabel, [.. x], [.. mean], runs.Length > 1 ? [.. lower] : null, runs.Length > 1 ? [.. upper] : null);
    }
}
