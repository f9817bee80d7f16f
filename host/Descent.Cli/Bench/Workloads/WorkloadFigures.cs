namespace Descent.Cli.Bench.Workloads;

/// <summary>The workloads benchmark's measurements as named figures (for <c>--json</c>), with the ratios to PyTorch.</summary>
public static class WorkloadFigures
{
    /// <summary>
    /// Per model and thread count (prefix <c>mlp_classifier_1thread</c>): <c>seconds_per_epoch</c> and
    /// <c>eval_images_per_second</c> (medians over the rounds), <c>live_tensors_start</c> / <c>_after_epoch_N</c> and
    /// <c>working_set_mb_start</c> / <c>_after_epoch_N</c> (the first round's); PyTorch's under the prefix <c>pytorch_</c>;
    /// <c>epoch_time_ratio_to_pytorch</c> (Descent's seconds / PyTorch's; goal at most 1) and
    /// <c>eval_speed_ratio_to_pytorch</c> (Descent's images per second / PyTorch's; goal at least 1), the medians of the
    /// rounds' ratios, and with several rounds each round's ratio (<c>_round2</c> ...) beside them.
    /// </summary>
    public static Dictionary<string, double> Collect(IReadOnlyDictionary<(string Objective, int Threads), WorkloadComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var figures = new Dictionary<string, double>();
        foreach (var ((objective, threads), comparison) in comparisons)
        {
            string prefix = $"{objective.Replace('-', '_')}_{threads}thread";
            Add(figures, prefix, comparison.SecondsPerEpoch, comparison.EvalImagesPerSecond, comparison.Descent[0]);
            if (!comparison.HasPyTorch)
            {
                continue;
            }

            Add(figures, $"pytorch_{prefix}", comparison.PyTorchSecondsPerEpoch!.Value, comparison.PyTorchEvalImagesPerSecond!.Value, comparison.PyTorch[0]!);
            AddRatios(figures, $"{prefix}_epoch_time_ratio_to_pytorch", comparison.EpochTimeRatios);
            AddRatios(figures, $"{prefix}_eval_speed_ratio_to_pytorch", comparison.EvalSpeedRatios);
        }

        return figures;
    }

    private static void Add(Dictionary<string, double> figures, string prefix, double secondsPerEpoch, double evalImagesPerSecond, WorkloadMeasurement first)
    {
        figures[$"{prefix}_seconds_per_epoch"] = secondsPerEpoch;
        figures[$"{prefix}_eval_images_per_second"] = evalImagesPerSecond;
        AddSeries(figures, $"{prefix}_working_set_mb", first.WorkingSetMb);
        if (first.LiveTensors is { } live)
        {
            AddSeries(figures, $"{prefix}_live_tensors", live);
        }
    }

    private static void AddRatios(Dictionary<string, double> figures, string name, IReadOnlyList<double> ratios)
    {
        figures[name] = WorkloadComparison.Median(ratios)!.Value;
        for (int round = 0; ratios.Count > 1 && round < ratios.Count; round++)
        {
            figures[$"{name}_round{round + 1}"] = ratios[round];
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
