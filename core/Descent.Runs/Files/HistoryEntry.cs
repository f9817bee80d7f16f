using Descent.Engine.Trials;

namespace Descent.Runs.Files;

/// <summary>One point of <see cref="TrialReport.History"/>: step, loss and parameters for analytic objectives; step, samples, epoch and loss for data.</summary>
public sealed record HistoryEntry(long Step, long? Samples, double? Epoch, double Loss, IReadOnlyList<double>? Params)
{
    /// <summary>The entry for <paramref name="point"/>.</summary>
    public static HistoryEntry From(HistoryPoint point, bool usesData) =>
        usesData
            ? new HistoryEntry(point.Step, point.Samples, point.Epoch, point.Loss, null)
            : new HistoryEntry(point.Step, null, null, point.Loss, point.Params);
}
