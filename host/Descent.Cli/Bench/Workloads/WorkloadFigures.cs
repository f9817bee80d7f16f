namespace Descent.Cli.Bench.Workloads;

/// <summary>The workloads benchmark's measurements as named figures (for <c>--json</c>), with the ratios to PyTorch.</summary>
public static class WorkloadFigures
{
    /// <summary>
    /// Per model and thread count (prefix <c>mlp_classifier_1thread</c>): <c>seconds_per_epoch</c>,
    /// <c>eval_images_per_second</c>, <c>live_tensors_start</c> / <c>_after_epoch_N</c>, <c>working_set_mb_start</c> /
    /// <c>_after_epoch_N</c>; PyTorch's under the prefix <c>pytorch_</c>; <c>epoch_time_ratio_to_pytorch</c> (Descent's
    /// seconds / PyTorch's; goal at most 1) and <c>eval_speed_ratio_to_pytorch</c> (Descent's images per second / PyTorch's; goal at least 1).
    /// </summary>
    public static Dictionary<string, double> Collect(
        IReadOnlyDictionary<(string Objective, int Threads), WorkloadMeasurement> descent,
        IReadOnlyDictionary<(string Objective, int Threads), WorkloadMeasurement> pytorch)
    {
        ArgumentNullException.ThrowIfNull(descent);
        ArgumentNullException.ThrowIfNull(pytorch);
        var figures = new Dictionary<string, double>();
        foreach (var ((objective, threads), ours) in descent)
        {
            string prefix = $"{objective.Replace('-', '_')}_{threads}thread";
            Add(figures, prefix, ours);
            if (pytorch.TryGetValue((objective, threads), out var theirs))
            {
                Add(figures, $"pytorch_{prefix}", theirs);
                figures[$"{prefix}_epoch_time_ratio_to_pytorch"] = ours.SecondsPerEpoch / theirs.SecondsPerEpoch;
                figures[$"{prefix}_eval_speed_ratio_to_pytorch"] = ours.EvalImagesPerSecond / theirs.EvalImagesPerSecond;
            }
        }

        return figures;
    }

    private static void Add(Dictionary<string, double> figures, string prefix, WorkloadMeasurement measurement)
    {
        figures[$"{prefix}_seconds_per_epoch"] = measurement.SecondsPerEpoch;
        figures[$"{prefix}_eval_images_per_second"] = measurement.EvalImagesPerSecond;
        AddSeries(figures, $"{prefix}_working_set_mb", measurement.WorkingSetMb);
        if (measurement.LiveTensors is { } live)
        {
            AddSeries(figures, $"{prefix}_live_tensors", live);
        }
    }

    private static void AddSeries(Dictionary<string, double> figures, string name, IReadOnlyList<double> series)
    {
        for (int i = 0; i < series.Count; i++)
        {
            figures[i == 0 ? $"{name}_start" : $"{name}_after_epoch_{i}"] = series[i];
        }
    }
}
