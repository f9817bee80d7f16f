using Descent.Cli.Hosting;

namespace Descent.Cli.Bench;

/// <summary>What a benchmark gets: the engine, where to print, how hard to try, and cancellation.</summary>
/// <param name="Engine">Plugins and the trial runner.</param>
/// <param name="Console">Where figures go.</param>
/// <param name="Quick">Fewer repetitions (a smoke run), when true.</param>
/// <param name="Cancellation">Ctrl-C.</param>
public sealed record BenchContext(EngineHost Engine, CliConsole Console, bool Quick, CancellationToken Cancellation)
{
    /// <summary>Warm worker processes with a given libtorch thread count, kept for the whole benchmark run; null: trials run in-process only.</summary>
    public Func<int, global::Descent.Sweeps.Workers.WorkerPool>? Workers { get; init; }

    /// <summary>Training images per epoch for the suites that train on a dataset (<c>--train-rows</c>); null: the suite's default.</summary>
    public int? TrainRows { get; init; }

    /// <summary>Epochs per measured trial for the suites that train on a dataset (<c>--epochs</c>); null: the suite's default.</summary>
    public int? Epochs { get; init; }

    /// <summary>Alternating rounds of Descent and PyTorch per thread count for the workloads suite (<c>--rounds</c>); null: one.</summary>
    public int? Rounds { get; init; }

    /// <summary>Where the sweep suite's tracked runs go (<c>--store-dir</c>); null: the temporary folder.</summary>
    public string? StoreDirectory { get; init; }
}
