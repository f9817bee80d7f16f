using Descent.Reports.Reading;

namespace Descent.Reports.Statistics;

/// <summary>
/// How a configuration's seeds did against their target: how many reached it, and the median time over those that did
/// (samples, optimizer steps, training seconds). The median, not the mean: one slow seed should not move it far, and
/// seeds that never reached the target have no time to average.
/// </summary>
/// <param name="Target">The target in words (<c>valid/accuracy &gt;= 0.75</c>); several when the seeds differ.</param>
/// <param name="Reached">Counted runs that reached it.</param>
/// <param name="Runs">Counted runs with a target.</param>
/// <param name="MedianSamples">Median samples seen over the runs that reached it; null when none did.</param>
/// <param name="MedianSteps">Median optimizer steps.</param>
/// <param name="MedianSeconds">Median training seconds.</param>
public sealed record TargetStatistics(string Target, int Reached, int Runs, double? MedianSamples, double? MedianSteps, double? MedianSeconds)
{
    /// <summary>The statistics of the runs with a target among <paramref name="counted"/>, or null when none has one.</summary>
    public static TargetStatistics? Of(IReadOnlyList<ReportRun> counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var targeted = counted.Where(r => r.Target is not null).ToArray();
        if (targeted.Length == 0)
        {
            return null;
        }

        var reached = targeted.Select(r => r.TimeToTarget).OfType<Engine.Targets.TimeToTarget>().ToArray();
        return new TargetStatistics(
            string.Join("; ", targeted.Select(r => r.Target!.Describe()).Distinct(StringComparer.Ordinal)),
            reached.Length,
            targeted.Length,
            Median(reached.Select(t => (double)t.Samples)),
            Median(reached.Select(t => (double)t.Steps)),
            Median(reached.Select(t => t.Seconds)));
    }

    /// <summary>The median: the middle value, or the mean of the two middle ones; null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
