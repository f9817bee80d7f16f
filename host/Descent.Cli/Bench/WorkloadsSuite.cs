using System.Globalization;
using System.Text.Json;
using Descent.Cli.Bench.Workloads;
using Descent.Contracts;
using Descent.Engine.Trials;
using TorchSharp;

namespace Descent.Cli.Bench;

/// <summary>
/// The Fashion-MNIST workloads (issue 10): <c>mlp-classifier</c> (DeepOBS fmnist_mlp) and <c>cnn-2c2d</c> (DeepOBS
/// fmnist_2c2d), batch 128, adam at PyTorch's defaults (lr 0.001, eps 1e-8), autograd, float32, at 1 and 2 libtorch
/// threads, run in-process through the trial runner a <c>descent trial</c> uses; beside them
/// <c>Bench/Baselines/pytorch_workloads.py</c> doing the same work. Per model and thread count: seconds per epoch,
/// evaluation images per second (no_grad, eval batch 1000, train_eval + valid + test after each epoch) and
/// memory (live tensors and working set at the start and after each epoch); the ratios Descent / PyTorch; and the
/// rate of the MLP's matrix products alone on each side (<see cref="GemmProbe"/>), which separates the BLAS from the rest.
/// </summary>
public sealed class WorkloadsSuite : IBenchmarkSuite
{
    /// <summary>Training images per epoch unless <c>--train-rows</c> says otherwise.</summary>
    public const int DefaultTrainRows = 10_000;

    /// <summary>Epochs per measured trial unless <c>--epochs</c> says otherwise.</summary>
    public const int DefaultEpochs = 2;

    /// <summary>Training images the dataset has once its valid split is carved off (60,000 - 10,000).</summary>
    public const int MaxTrainRows = 50_000;

    /// <summary>Images in each of the valid and test splits evaluated after each epoch (fewer under <c>--quick</c>).</summary>
    private const int EvalRows = 2_000;

    private const int BatchSize = 128;
    private const int EvalBatchSize = 1_000;
    private static readonly int[] ThreadCounts = [1, 2];

    /// <inheritdoc />
    public string Name => "workloads";

    /// <inheritdoc />
    public string Description =>
        $"Fashion-MNIST mlp-classifier and cnn-2c2d (batch {BatchSize}, adam, 1 and 2 threads): seconds per epoch, evaluation images per second, memory, and PyTorch's for the same work";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Run(BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int rows = context.TrainRows ?? (context.Quick ? 1_280 : DefaultTrainRows);
        int epochs = context.Epochs ?? DefaultEpochs;
        int evalRows = context.Quick ? 1_000 : EvalRows;
        int rounds = context.Rounds ?? 1;
        Check(rows, epochs, rounds);
        var (python, problem) = PythonBaseline.Find();
        var pytorch = python is null ? null : new PyTorchWorkloads(python, context.Console.Out, new PyTorchWorkloads.Settings(rows, epochs, evalRows, BatchSize, EvalBatchSize));
        var comparisons = new Dictionary<(string, int), WorkloadComparison>();
        var descentGemm = new GemmRates();
        int threadsBefore = torch.get_num_threads();
        string? data = null;
        try
        {
            foreach (int threads in ThreadCounts)
            {
                // The same thread count on both sides: torch.set_num_threads here, and in the script with its BLAS pools.
                torch.set_num_threads(threads);
                for (int round = 1; round <= rounds; round++)
                {
                    int? label = rounds > 1 ? round : null;
                    // Descent first in odd rounds, PyTorch first in even ones (once the data's folder is known).
                    bool pytorchFirst = round % 2 == 0 && data is not null;
                    var theirs = pytorchFirst ? MeasurePyTorch() : null;
                    var ours = new Dictionary<string, WorkloadMeasurement>();
                    foreach (var workload in Workload.All)
                    {
                        (ours[workload.Objective], data) = RunDescent(context, workload, rows, epochs, evalRows);
                        context.Console.Out.WriteLine(WorkloadTable.Progress("Descent", workload.Objective, threads, ours[workload.Objective], label));
                    }

                    foreach (int batch in new[] { BatchSize, EvalBatchSize })
                    {
                        descentGemm.Add(threads, batch, GemmProbe.Gflops(batch));
                    }

                    if (!pytorchFirst)
                    {
                        theirs = MeasurePyTorch();
                    }

                    foreach (var workload in Workload.All)
                    {
                        var key = (workload.Objective, threads);
                        if (!comparisons.TryGetValue(key, out var comparison))
                        {
                            comparisons[key] = comparison = new WorkloadComparison();
                        }

                        comparison.Add(ours[workload.Objective], theirs?.GetValueOrDefault(workload.Objective));
                    }

                    Dictionary<string, WorkloadMeasurement>? MeasurePyTorch() => pytorch is null || data is null ? null : pytorch.Measure(data, threads, label);
                }
            }
        }
        finally
        {
            torch.set_num_threads(threadsBefore);
        }

        var console = context.Console.Out;
        var torchFigures = pytorch?.LastFigures;
        console.WriteLine($"   Fashion-MNIST, {rows:N0} training images per epoch, {epochs} epoch(s), batch {BatchSize}, adam (lr 0.001, eps 1e-8), float32, autograd");
        console.WriteLine(torchFigures is null || python is null
            ? $"   PyTorch baseline skipped: {problem ?? "the Fashion-MNIST files' folder is unknown"}"
            : $"   {PythonBaseline.Describe(torchFigures, python)}, {OpenBlasThreads(torchFigures)}; Descent: libtorch {torch.__version__} as TorchSharp ships it (Intel oneMKL linked into libtorch_cpu)");
        console.WriteLine($"   {WaitPolicyNote()}");
        console.WriteLine(Hosting.NativeHeap.KeepsFreedMemory
            ? $"   allocator: both sides keep freed memory in glibc's heap (Descent by mallopt, PyTorch by GLIBC_TUNABLES={Hosting.NativeHeap.Tunables})"
            : $"   allocator: glibc's settings as the environment leaves them (GLIBC_TUNABLES={Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "unset"}), on both sides");
        pytorch?.LayoutNotes.ForEach(console.WriteLine);
        var figures = WorkloadFigures.Collect(comparisons);
        foreach (var (key, value) in pytorch?.LayoutFigures ?? [])
        {
            figures[key] = value;
        }

        WorkloadTable.Write(console, comparisons, EpochNote(epochs));
        foreach (var (threads, batch) in descentGemm.Keys)
        {
            double rate = descentGemm.Median(threads, batch)!.Value;
            string key = $"mlp_gemm_batch{batch}_{threads}thread";
            figures[$"{key}_gflops"] = rate;
            string beside = "";
            if (pytorch?.Gemm.Median(threads, batch) is { } torchRate)
            {
                figures[$"pytorch_{key}_gflops"] = torchRate;
                figures[$"{key}_rate_ratio_to_pytorch"] = rate / torchRate;
                beside = $", PyTorch {torchRate:F1} GFLOP/s (ratio {rate / torchRate:F2})";
            }

            console.WriteLine($"   mlp-classifier's layer products alone (linear, no_grad), batch {batch}, {threads} thread(s): Descent {rate:F1} GFLOP/s{beside}");
        }

        return figures;
    }

    private static void Check(int rows, int epochs, int rounds)
    {
        if (rounds < 1)
        {
            throw new UsageException($"--rounds {rounds} is out of range: give 1 or more");
        }

        if (rows is < 1 or > MaxTrainRows)
        {
            throw new UsageException($"--train-rows {rows} is out of range: give 1 to {MaxTrainRows:N0} (Fashion-MNIST has 60,000 training images; the benchmark holds some back to evaluate)");
        }

        if (epochs < 1)
        {
            throw new UsageException($"--epochs {epochs} is out of range: give 1 or more");
        }
    }

    private static (WorkloadMeasurement Measurement, string? DataFolder) RunDescent(BenchContext context, Workload workload, int rows, int epochs, int evalRows)
    {
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        var spec = new TrialSpec
        {
            Optimizer = "adam",
            Hyperparameters = new Dictionary<string, string> { ["lr"] = "0.001", ["eps"] = "1e-8" },
            Objective = workload.Objective,
            Dataset = "fashion-mnist",
            DatasetArgs = new Dictionary<string, string> { ["train_rows"] = Text(rows), ["valid_rows"] = Text(evalRows), ["test_rows"] = Text(evalRows) },
            // Evaluated on the default schedule: before the first step (cold: not timed) and after each epoch (timed).
            Training = new TrainingSettings(Epochs: epochs, BatchSize: BatchSize) { EvalBatchSize = EvalBatchSize },
        };
        var probe = new WorkloadProbe(new Dictionary<string, long>
        {
            [SplitNames.TrainEval] = Math.Min(EvaluatedLoop.TrainEvalRows, rows),
            [SplitNames.Valid] = evalRows,
            [SplitNames.Test] = evalRows,
        });
        var trial = TrialResolver.Resolve(spec, context.Engine.Catalog);
        var result = context.Engine.Runner.Run(trial, probe, context.Cancellation);
        if (result.Status != TrialStatus.Finished)
        {
            throw new InvalidOperationException($"benchmark trial {workload.Objective} ended {result.Status}: {result.Error}");
        }

        var measurement = new WorkloadMeasurement(result.EpochSeconds, probe.EvaluatedImages / probe.EvaluationSeconds, probe.WorkingSetMb, probe.LiveTensors);
        return (measurement, result.Dataset?.Source);
    }

    private static string OpenBlasThreads(Dictionary<string, JsonElement> figures) =>
        figures.TryGetValue("blas_threads", out var threads) && threads.ValueKind == JsonValueKind.Number
            ? $"OpenBLAS with {threads.GetInt32()} thread(s) in the last run"
            : "OpenBLAS thread count unknown";

    /// <summary>
    /// Each side's OpenMP wait policy. libtorch's oneMKL runs its GEMMs on OpenMP threads, so PASSIVE (sleep between
    /// parallel regions) costs Descent a wake-up per product: an MLP epoch at 2 threads took 1.2-1.3 s passive, 0.8 s
    /// with libgomp's default, on 2 cores. The baseline runs passive, its best (see <see cref="PythonBaseline.WaitPolicy"/>).
    /// </summary>
    private static string WaitPolicyNote()
    {
        string? own = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY");
        string descent = string.IsNullOrWhiteSpace(own) ? "libgomp's default (spin briefly, then sleep)" : $"OMP_WAIT_POLICY={own}";
        string warning = string.Equals(own?.Trim(), "passive", StringComparison.OrdinalIgnoreCase)
            ? "; warning: passive OpenMP threads slow libtorch's multi-threaded GEMMs, unset OMP_WAIT_POLICY for Descent's figures"
            : "";
        return $"OpenMP wait policy: PyTorch OMP_WAIT_POLICY={PythonBaseline.WaitPolicy} (its GEMMs run on OpenBLAS's own threads), Descent {descent}{warning}";
    }

    private static string EpochNote(int epochs) => epochs == 1
        ? "seconds per epoch: the one epoch (warm-up included)"
        : $"seconds per epoch: the mean of epochs 2 to {epochs} (epoch 1 carries the warm-up)";
}
