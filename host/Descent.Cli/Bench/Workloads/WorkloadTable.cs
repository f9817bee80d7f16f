using System.Globalization;

namespace Descent.Cli.Bench.Workloads;

/// <summary>Prints the workloads benchmark as a table (Descent beside PyTorch, with the ratios) and its memory lines.</summary>
public static class WorkloadTable
{
    /// <summary>
    /// Writes the table (medians over the rounds; with several rounds each ratio also shows its range, lowest to highest
    /// round), then one memory line per model and thread count (the first round's).
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyDictionary<(string Objective, int Threads), WorkloadComparison> comparisons, string epochNote)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(comparisons);
        var ordered = comparisons.OrderBy(c => c.Key.Objective == "mlp-classifier" ? 0 : 1).ThenBy(c => c.Key.Threads).ToArray();
        int rounds = ordered.Length == 0 ? 0 : ordered.Max(c => c.Value.Rounds);
        string roundsNote = rounds > 1 ? $"; medians of {rounds} rounds (the sides alternate which runs first), ratios as median [lowest-highest round]" : "";
        writer.WriteLine($"   {epochNote}; evaluation: images per second, no_grad, batch 1000, after each epoch; memory after each epoch's evaluation{roundsNote}");
        int ratioWidth = rounds > 1 ? 18 : 6;
        writer.WriteLine($"   {"model",-15}  {"threads",7}  {"Descent s/epoch",15}  {"PyTorch s/epoch",15}  {"ratio".PadLeft(ratioWidth)}  {"Descent eval img/s",18}  {"PyTorch eval img/s",18}  {"ratio".PadLeft(ratioWidth)}");
        foreach (var ((objective, threads), comparison) in ordered)
        {
            writer.WriteLine(
                $"   {objective,-15}  {threads,7}  {comparison.SecondsPerEpoch,15:F2}  {Text(comparison.PyTorchSecondsPerEpoch, "F2"),15}  {Ratios(comparison.EpochTimeRatios).PadLeft(ratioWidth)}  " +
                $"{comparison.EvalImagesPerSecond,18:F0}  {Text(comparison.PyTorchEvalImagesPerSecond, "F0"),18}  {Ratios(comparison.EvalSpeedRatios).PadLeft(ratioWidth)}");
        }

        writer.WriteLine("   ratios: Descent / PyTorch; goals: epoch time at most 1.00, evaluation speed at least 1.00");
        foreach (var ((objective, threads), comparison) in ordered)
        {
            writer.WriteLine($"   memory, {objective}, {threads} thread(s): {Memory(comparison.Descent[0], comparison.PyTorch[0])}");
        }
    }

    /// <summary>One line as a measurement comes in: the epochs' seconds and the evaluation speed, with its round when there are several.</summary>
    public static string Progress(string side, string objective, int threads, WorkloadMeasurement measurement, int? round = null)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        return $"   {(round is { } r ? $"round {r}: " : "")}{side} {objective}, {threads} thread(s): epochs {string.Join(", ", measurement.EpochSeconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s; " +
               $"evaluation {measurement.EvalImagesPerSecond.ToString("F0", CultureInfo.InvariantCulture)} images/s";
    }

    /// <summary>Live tensors and working set at the start and after each epoch, and whether each stayed flat after epoch 1.</summary>
    private static string Memory(WorkloadMeasurement ours, WorkloadMeasurement? theirs)
    {
        string text = "";
        if (ours.LiveTensors is { Count: > 0 } live)
        {
            bool flat = live.Count < 3 || live.Skip(1).All(v => v == live[1]);
            text = $"live tensors {Series(live, "F0")} ({(live.Count < 3 ? "one epoch: no trend to judge" : flat ? "flat after epoch 1" : "NOT flat")}); ";
        }

        var rss = ours.WorkingSetMb;
        text += $"working set MB {Series(rss, "F1")}";
        if (rss.Count >= 3)
        {
            double growth = Math.Round(rss[^1] - rss[1], 1) + 0.0; // + 0.0: no "-0.0"
            text += $" ({(growth >= 0 ? "+" : "")}{growth.ToString("F1", CultureInfo.InvariantCulture)} MB from epoch 1 to {rss.Count - 1})";
        }

        return theirs is null ? text : text + $"; PyTorch RSS MB {Series(theirs.WorkingSetMb, "F1")}";
    }

    private static string Series(IReadOnlyList<double> values, string format) =>
        $"{values[0].ToString(format, CultureInfo.InvariantCulture)} at the start, " +
        $"{string.Join(" / ", values.Skip(1).Select(v => v.ToString(format, CultureInfo.InvariantCulture)))} after epoch{(values.Count > 2 ? "s" : "")} 1{(values.Count > 2 ? $"-{values.Count - 1}" : "")}";

    private static string Text(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    /// <summary>"-" without ratios; the one ratio; or the median with the lowest and highest round's.</summary>
    private static string Ratios(IReadOnlyList<double> ratios) => ratios.Count switch
    {
        0 => "-",
        1 => ratios[0].ToString("F2", CultureInfo.InvariantCulture),
        _ => FormattableString.Invariant($"{WorkloadComparison.Median(ratios):F2} [{ratios.Min():F2}-{ratios.Max():F2}]"),
    };
}
