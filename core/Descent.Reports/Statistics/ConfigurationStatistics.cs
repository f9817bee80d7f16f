using Descent.Reports.Reading;

namespace Descent.Reports.Statistics;

/// <summary>
/// The numbers of one optimizer configuration over its seeds. Only finished runs with a finite final loss
/// enter <see cref="FinalLoss"/> and <see cref="SecondsPerEpoch"/>; diverged runs are counted in
/// <see cref="Diverged"/> and kept out (their final loss is NaN or infinite, or meaningless).
/// </summary>
/// <param name="Runs">Runs of the configuration, whatever their outcome.</param>
/// <param name="FinalLoss">The final loss over the counted runs; null when none counts.</param>
/// <param name="Diverged">Runs that diverged.</param>
/// <param name="Failed">Runs that failed or were killed.</param>
/// <param name="Running">Runs still running (or left so).</param>
/// <param name="SecondsPerEpoch">Mean seconds per epoch of the counted runs (data trials).</param>
/// <param name="WallSeconds">Mean wall time of the counted runs.</param>
public sealed record ConfigurationStatistics(
    int Runs,
    SampleSummary? FinalLoss,
    int Diverged,
    int Failed,
    int Running,
    double? SecondsPerEpoch,
    double? WallSeconds)
{
    /// <summary>The accuracies and time to target of the counted runs (classification); null when they recorded no accuracy.</summary>
    public AccuracyStatistics? Accuracy { get; init; }

    /// <summary>Runs whose numbers count.</summary>
    public int Counted => FinalLoss?.Count ?? 0;

    /// <summary>The statistics of <paramref name="runs"/>.</summary>
    public static ConfigurationStatistics Of(IReadOnlyList<ReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var counted = runs.Where(r => r.Counts).ToArray();
        return new ConfigurationStatistics(
            runs.Count,
            SampleSummary.Of(counted.Select(r => r.FinalLoss!.Value)),
            runs.Count(r => r.Outcome == TrialOutcome.Diverged),
            runs.Count(r => r.Outcome is TrialOutcome.Failed or TrialOutcome.Killed),
            runs.Count(r => r.Outcome == TrialOutcome.Running),
            MeanOf(counted.Select(r => r.SecondsPerEpoch)),
            MeanOf(counted.Select(r => r.WallSeconds)))
        {
            Accuracy = AccuracyStatistics.Of(counted),
        };
    }

    private static double? MeanOf(IEnumerable<double?> values)
    {
        var v = values.OfType<double>().Where(double.IsFinite).ToArray();
        return v.Length == 0 ? null : v.Average();
    }
}
