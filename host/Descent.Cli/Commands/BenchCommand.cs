using System.CommandLine;
using Descent.Cli.Bench;
using Descent.Cli.Hosting;
using Descent.Cli.Output;
using Descent.Engine.Options;
using Descent.Sweeps.Workers;

namespace Descent.Cli.Commands;

/// <summary><c>descent bench [NAME...] [--quick] [--json] [--train-rows N] [--epochs N] [--rounds N] [--store-dir DIR]</c>: runs benchmarks and prints their figures.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var names = new Argument<string[]>("name") { Description = "benchmarks to run (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var quick = new Option<bool>("--quick") { Description = "fewer repetitions: a smoke run, not a measurement" };
        var json = new Option<bool>("--json") { Description = "also print the figures as one JSON object" };
        var trainRows = new Option<int?>("--train-rows")
        {
            Description = $"workloads: Fashion-MNIST training images per epoch (default {WorkloadsSuite.DefaultTrainRows:N0}; --quick: 1,280; at most {WorkloadsSuite.MaxTrainRows:N0})",
        };
        var epochs = new Option<int?>("--epochs") { Description = $"workloads: epochs per measured trial (default {WorkloadsSuite.DefaultEpochs}; seconds per epoch leave out the first when there are more)" };
        var rounds = new Option<int?>("--rounds")
        {
            Description = "workloads: rounds per thread count, Descent and PyTorch alternating which runs first (default 1); the table gives medians and each ratio's range",
        };
        var storeDir = new Option<string?>("--store-dir")
        {
            Description = "sweep: the folder its tracked runs are written under (default: the temporary folder); tracked figures depend on its file system, which the output names",
        };
        var command = new Command("bench", "measure speed and memory, comparing variants side by side in one run") { names, quick, json, trainRows, epochs, rounds, storeDir };
        // Off the invoking thread, so that System.CommandLine's Ctrl-C handling is in place while benchmarks run.
        command.SetAction((parsed, cancellation) => Task.Run(() =>
        {
            var requested = parsed.GetValue(names) ?? [];
            var unknown = requested.Where(n => BenchmarkSuites.All.All(s => s.Name != n)).ToArray();
            if (unknown.Length > 0)
            {
                throw new UsageException($"unknown benchmark '{unknown[0]}'; available: {string.Join(", ", BenchmarkSuites.All.Select(s => s.Name))}");
            }

            var suites = requested.Length == 0 ? BenchmarkSuites.All : BenchmarkSuites.All.Where(s => requested.Contains(s.Name)).ToArray();
            using var engine = EngineHost.Start(console, parsed);
            // Worker processes live as long as the benchmark, warm, per libtorch thread count.
            var pools = new System.Collections.Concurrent.ConcurrentDictionary<int, WorkerPool>();
            using var closePools = new Disposer(() => Parallel.ForEach(pools.Values, pool => pool.Dispose()));
            var figures = new Dictionary<string, Dictionary<string, double>>();
            foreach (var suite in suites)
            {
                console.Out.WriteLine($"== {suite.Name}: {suite.Description}");
                var result = suite.Run(new BenchContext(engine, console, parsed.GetValue(quick), cancellation)
                {
                    Workers = threads => pools.GetOrAdd(threads, t => new WorkerPool(WorkerLaunches.For(parsed, t))),
                    TrainRows = parsed.GetValue(trainRows),
                    Epochs = parsed.GetValue(epochs),
                    Rounds = parsed.GetValue(rounds),
                    StoreDirectory = parsed.GetValue(storeDir),
                });
                figures[suite.Name] = result.ToDictionary();
                foreach (var (name, value) in result)
                {
                    console.Out.WriteLine($"   {name} = {ValueFormat.Number(Math.Round(value, 6))}");
                }
            }

            if (parsed.GetValue(json))
            {
                console.Out.WriteLine(Json.Write(figures));
            }

            return ExitCodes.Ok;
        }, CancellationToken.None));
        return command;
    }

    private sealed class Disposer(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
