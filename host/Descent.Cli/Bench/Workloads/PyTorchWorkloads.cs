using System.Globalization;
using System.Text.Json;

namespace Descent.Cli.Bench.Workloads;

/// <summary>
/// The PyTorch side of the workloads benchmark: runs <c>Bench/Baselines/pytorch_workloads.py</c> for a thread count
/// and round, and keeps per model the faster of PyTorch's memory orders for a CNN (Descent's CNNs run channels-last),
/// the notes and figures on both orders, and the rates of the MLP's layer products alone.
/// </summary>
/// <param name="python">The interpreter with torch.</param>
/// <param name="console">Where each measurement's progress line goes.</param>
/// <param name="settings">Training images, epochs, evaluated images per split, and the batch sizes.</param>
internal sealed class PyTorchWorkloads(string python, TextWriter console, PyTorchWorkloads.Settings settings)
{
    /// <summary>What both sides run: training images per epoch, epochs, valid and test images, training and evaluation batch.</summary>
    public sealed record Settings(int Rows, int Epochs, int EvalRows, int BatchSize, int EvalBatchSize);

    /// <summary>The script's figures from its last run (torch version, BLAS, threads), or null before the first.</summary>
    public Dictionary<string, JsonElement>? LastFigures { get; private set; }

    /// <summary>One line per CNN run: seconds per epoch in each memory order, and which one the table uses.</summary>
    public List<string> LayoutNotes { get; } = [];

    /// <summary>The same as figures: <c>pytorch_cnn_2c2d_1thread_plain_seconds_per_epoch</c> (with <c>_roundN</c> over several rounds) and <c>_channels_last_</c>.</summary>
    public Dictionary<string, double> LayoutFigures { get; } = [];

    /// <summary>The MLP's layer products alone, as the script timed them.</summary>
    public GemmRates Gemm { get; } = new();

    /// <summary>Runs the script on the images in <paramref name="data"/> and returns its measurement per objective id.</summary>
    /// <param name="data">The folder with the Fashion-MNIST IDX files.</param>
    /// <param name="threads">torch.set_num_threads and the BLAS pools' size.</param>
    /// <param name="round">The round, printed and in figure names; null when there is one round.</param>
    public Dictionary<string, WorkloadMeasurement> Measure(string data, int threads, int? round)
    {
        var figures = LastFigures = Run(data, threads);
        var measured = new Dictionary<string, WorkloadMeasurement>();
        foreach (var workload in Workload.All)
        {
            var plain = Read(figures[workload.PyTorchName]);
            console.WriteLine(WorkloadTable.Progress("PyTorch", workload.Objective, threads, plain, round));
            measured[workload.Objective] = plain;
            if (workload.PyTorchChannelsLast is { } name && figures.TryGetValue(name, out var channelsLastFigures))
            {
                var channelsLast = Read(channelsLastFigures);
                console.WriteLine(WorkloadTable.Progress("PyTorch channels-last", workload.Objective, threads, channelsLast, round));
                bool faster = channelsLast.SecondsPerEpoch < plain.SecondsPerEpoch;
                measured[workload.Objective] = faster ? channelsLast : plain;
                NoteLayouts(workload.Objective, threads, round, plain, channelsLast, faster);
            }
        }

        if (figures.TryGetValue("mlp_gemm_gflops", out var gemm) && gemm.ValueKind == JsonValueKind.Object)
        {
            foreach (var rate in gemm.EnumerateObject())
            {
                Gemm.Add(threads, int.Parse(rate.Name, CultureInfo.InvariantCulture), rate.Value.GetDouble());
            }
        }

        return measured;
    }

    private void NoteLayouts(string objective, int threads, int? round, WorkloadMeasurement plain, WorkloadMeasurement channelsLast, bool faster)
    {
        string key = $"pytorch_{objective.Replace('-', '_')}_{threads}thread";
        string suffix = round is { } r ? $"_round{r}" : "";
        LayoutFigures[$"{key}_plain_seconds_per_epoch{suffix}"] = plain.SecondsPerEpoch;
        LayoutFigures[$"{key}_channels_last_seconds_per_epoch{suffix}"] = channelsLast.SecondsPerEpoch;
        LayoutNotes.Add(FormattableString.Invariant(
            $"   PyTorch {objective}, {threads} thread(s){(round is { } n ? $", round {n}" : "")}: {plain.SecondsPerEpoch:F2} s/epoch in the plain order, {channelsLast.SecondsPerEpoch:F2} channels-last; ") +
            $"the table uses the {(faster ? "channels-last" : "plain")} run (Descent's runs channels-last)");
    }

    private Dictionary<string, JsonElement> Run(string data, int threads)
    {
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "--data", data, "--models", string.Join(',', Workload.All.SelectMany(w => w.PyTorchNames)), "--train-rows", Text(settings.Rows),
            "--epochs", Text(settings.Epochs), "--threads", Text(threads), "--batch", Text(settings.BatchSize), "--eval-batch", Text(settings.EvalBatchSize),
            "--eval-rows", Text(settings.EvalRows),
        ];
        return PythonBaseline.Run(python, PythonBaseline.ScriptPath("pytorch_workloads.py"), arguments, TimeSpan.FromHours(1), threads);
    }

    private static WorkloadMeasurement Read(JsonElement model) => new(
        model.GetProperty("epoch_seconds").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
        model.GetProperty("eval_images_per_second").GetDouble(),
        model.GetProperty("rss_mb").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
        null);
}
