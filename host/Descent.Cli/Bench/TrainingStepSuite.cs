using System.Diagnostics;
using Descent.Contracts;
using Descent.Engine.Trials;
using TorchSharp;

namespace Descent.Cli.Bench;

/// <summary>
/// The chapter's airfoil linear regression: microseconds per training step (shuffle included) for
/// batch 10 and 1, sgd and adam, with the objective's closed-form gradient and with autograd; seconds
/// per epoch as the chapter measures it; live tensors and process memory across 100 epochs; and the same work in
/// PyTorch, run side by side, with the ratios.
/// </summary>
public sealed class TrainingStepSuite : IBenchmarkSuite
{
    /// <summary>Alternating rounds of the autograd step on both sides (one under <c>--quick</c>).</summary>
    private const int AutogradRounds = 5;

    /// <summary>The optimizers timed, with the chapter's learning rates for the airfoil.</summary>
    private static readonly (string Id, string Lr)[] Optimizers = [("sgd", "0.05"), ("adam", "0.01")];

    /// <inheritdoc />
    public string Name => "step";

    /// <inheritdoc />
    public string Description => "airfoil training step and epoch times, memory over 100 epochs, and PyTorch's for the same work";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Run(BenchContext context)
    {
        var figures = new Dictionary<string, double>();
        int epochs = context.Quick ? 2 : 20;
        foreach (var (optimizer, lr) in Optimizers)
        {
            foreach (int batch in new[] { 10, 1 })
            {
                foreach (bool autograd in new[] { false, true })
                {
                    int n = batch == 10 ? epochs : Math.Max(1, epochs / 5);
                    var spec = Spec(optimizer, lr, batch, n, int.MaxValue, autograd);
                    Run(context, spec with { Training = spec.Training with { Epochs = 1 } });
                    var result = Run(context, spec);
                    figures[$"{optimizer}_batch{batch}_{(autograd ? "autograd" : "closed_form")}_us_per_step"] = result.EpochSeconds.Sum() / result.Steps * 1e6;
                }
            }

            var chapter = Run(context, Spec(optimizer, lr, 10, 2, 100, autograd: false));
            figures[$"{optimizer}_batch10_seconds_per_epoch"] = chapter.SecondsPerEpoch ?? double.NaN;
        }

        MeasureMemory(context, figures, context.Quick ? 10 : 100);
        AddPyTorch(context, figures, epochs);
        return figures;
    }

    private static void MeasureMemory(BenchContext context, Dictionary<string, double> figures, int epochs)
    {
        var probe = new MemoryProbe(epochs);
        Run(context, Spec("adam", "0.01", 10, epochs, 100, autograd: true), probe);
        foreach (int epoch in probe.LiveTensors.Keys)
        {
            figures[$"live_tensors_after_epoch_{epoch}"] = probe.LiveTensors[epoch];
            figures[$"working_set_mb_after_epoch_{epoch}"] = probe.WorkingSetMb[epoch];
            figures[$"managed_heap_mb_after_epoch_{epoch}"] = probe.ManagedHeapMb[epoch];
        }
    }

    private static void AddPyTorch(BenchContext context, Dictionary<string, double> figures, int epochs)
    {
        var (python, problem) = PythonBaseline.Find();
        string? data = Run(context, Spec("sgd", "0.05", 1500, 1, 100, autograd: false)).DatasetSource;
        if (python is null || data is null)
        {
            context.Console.Out.WriteLine($"   PyTorch baseline skipped: {problem ?? "the airfoil file's path is unknown"}");
            return;
        }

        var torchFigures = RunPyTorch(python, data, epochs);
        foreach (var (name, value) in torchFigures.Where(f => f.Value.ValueKind == System.Text.Json.JsonValueKind.Number))
        {
            figures[$"pytorch_{name}"] = value.GetDouble();
        }

        context.Console.Out.WriteLine($"   {PythonBaseline.Describe(torchFigures, python)}");
        foreach (string optimizer in new[] { "sgd", "adam" })
        {
            double ours = figures[$"{optimizer}_batch10_closed_form_us_per_step"];
            figures[$"{optimizer}_batch10_ratio_to_pytorch_dataloader"] = ours / figures[$"pytorch_{optimizer}_batch10_dataloader_us_per_step"];
            figures[$"{optimizer}_batch10_ratio_to_pytorch_presliced"] = ours / figures[$"pytorch_{optimizer}_batch10_presliced_us_per_step"];
        }

        AlternateAutogradRounds(context, figures, python, data, epochs);
    }

    /// <summary>
    /// The autograd step against PyTorch's pre-sliced step, the figure closest to 1, in alternating rounds: Descent's
    /// sgd and adam autograd steps, then the PyTorch script, <see cref="AutogradRounds"/> times (the first round is
    /// the figures above). A shared machine's speed drifts by tens of percent within a minute, so one pass each
    /// decides nothing; the ratio is of the two medians, and the rounds' own ratios are given as a range.
    /// </summary>
    private static void AlternateAutogradRounds(BenchContext context, Dictionary<string, double> figures, string python, string data, int epochs)
    {
        var ours = Optimizers.ToDictionary(o => o.Id, o => new List<double> { figures[$"{o.Id}_batch10_autograd_us_per_step"] });
        var theirs = Optimizers.ToDictionary(o => o.Id, o => new List<double> { figures[$"pytorch_{o.Id}_batch10_presliced_us_per_step"] });
        int rounds = context.Quick ? 1 : AutogradRounds;
        for (int round = 1; round < rounds; round++)
        {
            foreach (var (optimizer, lr) in Optimizers)
            {
                var result = Run(context, Spec(optimizer, lr, 10, epochs, int.MaxValue, autograd: true));
                ours[optimizer].Add(result.EpochSeconds.Sum() / result.Steps * 1e6);
            }

            var torchFigures = RunPyTorch(python, data, epochs);
            foreach (var (optimizer, _) in Optimizers)
            {
                theirs[optimizer].Add(torchFigures[$"{optimizer}_batch10_presliced_us_per_step"].GetDouble());
            }
        }

        foreach (var (optimizer, _) in Optimizers)
        {
            double median = BenchStatistics.Median(ours[optimizer]);
            double torchMedian = BenchStatistics.Median(theirs[optimizer]);
            var roundRatios = ours[optimizer].Zip(theirs[optimizer], (a, b) => a / b).ToArray();
            figures[$"{optimizer}_batch10_autograd_us_per_step_median"] = median;
            figures[$"pytorch_{optimizer}_batch10_presliced_us_per_step_median"] = torchMedian;
            figures[$"{optimizer}_batch10_autograd_ratio_to_pytorch_presliced"] = median / torchMedian;
            context.Console.Out.WriteLine(
                $"   {optimizer} autograd step, batch 10, {rounds} alternating round(s): Descent median {median:F1} us, PyTorch pre-sliced median {torchMedian:F1} us, " +
                $"ratio {median / torchMedian:F2} (rounds {roundRatios.Min():F2} to {roundRatios.Max():F2})");
        }
    }

    /// <summary>The PyTorch script's step mode: the same steps, timed in PyTorch.</summary>
    private static Dictionary<string, System.Text.Json.JsonElement> RunPyTorch(string python, string data, int epochs) =>
        PythonBaseline.Run(python, ["step", "--data", data, "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(20));

    private static TrialSpec Spec(string optimizer, string lr, int batch, int epochs, int recordEvery, bool autograd) => new()
    {
        Optimizer = optimizer,
        Hyperparameters = new Dictionary<string, string> { ["lr"] = lr },
        Objective = "linear-regression",
        Dataset = "airfoil",
        Training = new TrainingSettings(Epochs: epochs, BatchSize: batch, RecordEvery: recordEvery, Autograd: autograd),
    };

    private static BenchRun Run(BenchContext context, TrialSpec spec, ITrialObserver? observer = null)
    {
        var trial = TrialResolver.Resolve(spec, context.Engine.Catalog);
        var result = context.Engine.Runner.Run(trial, observer, context.Cancellation);
        if (result.Status != TrialStatus.Finished)
        {
            throw new InvalidOperationException($"benchmark trial {spec.Optimizer} batch {spec.Training.BatchSize} ended {result.Status}: {result.Error}");
        }

        return new BenchRun(result.EpochSeconds, result.Steps, result.SecondsPerEpoch, result.Dataset?.Source);
    }

    private sealed record BenchRun(IReadOnlyList<double> EpochSeconds, long Steps, double? SecondsPerEpoch, string? DatasetSource);

    /// <summary>Live tensors and working set at the end of chosen epochs.</summary>
    private sealed class MemoryProbe(int lastEpoch) : ITrialObserver
    {
        public Dictionary<int, double> LiveTensors { get; } = [];

        public Dictionary<int, double> WorkingSetMb { get; } = [];

        public Dictionary<int, double> ManagedHeapMb { get; } = [];

        /// <summary>Samples after a full garbage collection, so that the figures show what is still held, not garbage not yet collected.</summary>
        public void OnEpochCompleted(int epoch, double seconds)
        {
            if (epoch is 1 or 10 || epoch == lastEpoch / 2 || epoch == lastEpoch)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                LiveTensors[epoch] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
                using var process = Process.GetCurrentProcess();
                WorkingSetMb[epoch] = process.WorkingSet64 / (1024.0 * 1024.0);
                ManagedHeapMb[epoch] = GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0);
            }
        }
    }
}
