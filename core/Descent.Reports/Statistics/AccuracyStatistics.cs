using Descent.Reports.Reading;

namespace Descent.Reports.Statistics;

/// <summary>
/// A classification configuration's accuracies over its counted seeds (mean and sample standard deviation of each):
/// the final <c>valid/accuracy</c> (the last evaluation) and the best (the highest of any evaluation), the same for
/// <c>test/accuracy</c>, and the time to target when the runs had one.
/// </summary>
/// <param name="FinalValid">The last valid accuracy of each seed; null when none recorded one.</param>
/// <param name="BestValid">The highest valid accuracy of each seed.</param>
/// <param name="FinalTest">The last test accuracy of each seed.</param>
/// <param name="BestTest">The highest test accuracy of each seed.</param>
/// <param name="Target">The time to target; null when the runs had no target.</param>
public sealed record AccuracyStatistics(SampleSummary? FinalValid, SampleSummary? BestValid, SampleSummary? FinalTest, SampleSummary? BestTest, TargetStatistics? Target)
{
    /// <summary>The statistics of <paramref name="counted"/> (the runs that count), or null when none recorded an accuracy.</summary>
    public static AccuracyStatistics? Of(IReadOnlyList<ReportRun> counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        if (!counted.Any(r => r.HasAccuracy))
        {
            return null;
        }

        return new AccuracyStatistics(
            SampleSummary.Of(counted.Select(r => r.ValidAccuracy.Final).OfType<double>()),
            SampleSummary.Of(counted.Select(r => r.ValidAccuracy.Max).OfType<double>()),
            SampleSummary.Of(counted.Select(r => r.TestAccuracy.Final).OfType<double>()),
            SampleSummary.Of(counted.Select(r => r.TestAccuracy.Max).OfType<double>()),
            TargetStatistics.Of(counted));
    }
}
