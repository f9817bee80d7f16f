using System.Diagnostics;
using Descent.Engine.Data;
using Descent.Engine.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Running;
using Descent.Sweeps.Sharding;
using Descent.Sweeps.Tracking;
using Descent.Tracking;

namespace Descent.Cli.Bench;

/// <summary>
/// The whole <c>experiments/ch7-airfoil.yaml</c> sweep: wall time with one and with two trials at once,
/// as a user runs it (tracked to a fresh local MLflow store, every run with its files and pictures) and
/// untracked (<c>--no-track</c>: the same work as the PyTorch script, which records nothing), trials per
/// second, and the PyTorch baseline script running the same configurations one after another, with the ratios.
/// Trials run in worker processes, as <c>descent sweep</c> runs them (their start-up is part of each wall time);
/// the untracked <c>--parallel 2</c> sweep also runs in-process (<c>--in-process</c>) for comparison, and the
/// workers' start-up time and per-trial dispatch overhead are reported.
/// </summary>
public sealed class SweepThroughputSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "sweep";

    /// <inheritdoc />
    public string Description => "the ch7-airfoil sweep: wall time at --parallel 1 and 2, trials per second, and PyTorch's time for the same runs";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Run(BenchContext context)
    {
        var stores = new List<string>();
        try
        {
            return Run(context, stores);
        }
        finally
        {
            Delete(stores);
        }
    }

    private static Dictionary<string, double> Run(BenchContext context, List<string> stores)
    {
        string root = DefaultDataDirectory.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new UsageException("the sweep benchmark runs experiments/ch7-airfoil.yaml from a Descent checkout; run it from one");
        string file = Path.Combine(root, "experiments", "ch7-airfoil.yaml");
        var plan = SweepExpander.Expand(ExperimentFileParser.Load(file), context.Engine.Catalog);
        if (context.Quick)
        {
            plan = plan with { Trials = plan.Trials.Where(t => t.Trial.Seed == 0).Select((t, i) => t with { Index = i }).ToArray() };
        }

        var figures = new Dictionary<string, double> { ["trials"] = plan.Trials.Count };
        string storeRoot = StoreRoot(context);
        context.Console.Out.WriteLine($"   tracked runs go to local stores under {storeRoot}: {FileSystemDescription.Of(storeRoot)}");

        // Warm up (JIT, first pictures, the store's code paths) on a few trials, so that no variant pays for starting first.
        var warmUp = plan with { Trials = plan.Trials.Where(t => t.Trial.Seed == 0).Take(8).Select((t, i) => t with { Index = i }).ToArray() };
        Measure(context, warmUp, stores, 2, tracked: true, quiet: true);
        Measure(context, warmUp, stores, 2, tracked: false, quiet: true);
        Measure(context, warmUp, stores, 2, tracked: false, quiet: true, inProcess: true);
        var statistics = new List<global::Descent.Sweeps.Workers.WorkerStatistics>();
        foreach (bool tracked in new[] { true, false })
        {
            foreach (int parallel in new[] { 1, 2 })
            {
                string variant = $"{(tracked ? "tracked" : "untracked")}_parallel{parallel}";
                double seconds = Measure(context, plan, stores, parallel, tracked, statistics: statistics);
                figures[$"{variant}_wall_seconds"] = seconds;
                figures[$"{variant}_trials_per_second"] = plan.Trials.Count / seconds;
            }
        }

        double inProcess = Measure(context, plan, stores, 2, tracked: false, inProcess: true);
        figures["untracked_parallel2_in_process_wall_seconds"] = inProcess;
        var startups = statistics.SelectMany(s => s.StartupSeconds).ToArray();
        var dispatches = statistics.SelectMany(s => s.DispatchSeconds).ToArray();
        if (startups.Length > 0 && dispatches.Length > 0)
        {
            figures["worker_startup_seconds"] = startups.Average();
            figures["worker_dispatch_ms_per_trial"] = 1000 * dispatches.Average();
            context.Console.Out.WriteLine(
                $"   workers: start-up {startups.Average():F2} s on average ({startups.Length} started, in parallel with the sweep's setup); " +
                $"dispatch overhead {1000 * dispatches.Average():F2} ms per trial (median {1000 * dispatches.Order().ElementAt(dispatches.Length / 2):F2} ms, {dispatches.Length} trials)");
        }

        var (python, problem) = PythonBaseline.Find();
        string data = Path.Combine(context.Engine.Data.SearchDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "airfoil_self_noise.dat"))) ?? "", "airfoil_self_noise.dat");
        if (python is null || !File.Exists(data))
        {
            context.Console.Out.WriteLine($"   PyTorch baseline skipped: {problem ?? "the airfoil file was not found in the data directories"}");
            return figures;
        }

        int seeds = context.Quick ? 1 : 5;
        var torch = PythonBaseline.Run(python, ["sweep", "--data", data, "--seeds", seeds.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(30));
        context.Console.Out.WriteLine($"   {PythonBaseline.Describe(torch, python)}");
        double pytorch = torch["wall_seconds"].GetDouble();
        figures["pytorch_trials"] = torch["trials"].GetDouble();
        figures["pytorch_wall_seconds"] = pytorch;
        foreach (string variant in new[] { "tracked_parallel1", "tracked_parallel2", "untracked_parallel1", "untracked_parallel2", "untracked_parallel2_in_process" })
        {
            figures[$"speedup_{variant}_vs_pytorch"] = pytorch / figures[$"{variant}_wall_seconds"];
        }
        return figures;
    }

    private static double Measure(
        BenchContext context, SweepPlan plan, List<string> stores, int parallel, bool tracked, bool quiet = false, bool inProcess = false, List<global::Descent.Sweeps.Workers.WorkerStatistics>? statistics = null)
    {
        var workers = inProcess ? null : context.Workers?.Invoke(Math.Max(1, Environment.ProcessorCount / parallel));
        if (workers is not null && statistics is not null && !statistics.Contains(workers.Statistics))
        {
            statistics.Add(workers.Statistics);
        }

        // The stores are deleted together at the end, not after each variant: on an ext4 without a journal, creating a
        // file soon after thousands were deleted scans past each recently deleted inode, and the next variant would pay for it.
        string store = Path.Combine(StoreRoot(context), $"descent-bench-sweep-{Guid.NewGuid():N}");
        stores.Add(store);
        var clock = Stopwatch.StartNew();
        using var session = tracked ? TrackingSession.Open(TrackingSettings.Resolve(store, plan.File.Name)) : null;
        var tracking = session is null ? null : SweepTracking.OpenAsync(session, plan, context.Cancellation).GetAwaiter().GetResult();
        var runner = new SweepRunner(context.Engine.Runner, context.Engine.Services, context.Engine.Data, workers);
        var (outcomes, _) = runner.RunAsync(plan, new SweepRunOptions(parallel, Shard.All), tracking, new Silent(), context.Cancellation).GetAwaiter().GetResult();
        tracking?.CompleteAsync(false, [], context.Cancellation).GetAwaiter().GetResult();
        double seconds = clock.Elapsed.TotalSeconds;
        int bad = outcomes.Count(o => o.Result.Status is TrialStatus.Failed or TrialStatus.Killed);
        if (!quiet)
        {
            context.Console.Out.WriteLine($"   {(tracked ? "tracked to a local store" : "untracked")}, --parallel {parallel}{(workers is null ? " --in-process" : "")}: {outcomes.Count} trials in {seconds:F2} s ({bad} failed or killed)");
        }

        return seconds;
    }

    /// <summary><c>--store-dir</c> (created when missing), else the temporary folder.</summary>
    private static string StoreRoot(BenchContext context)
    {
        if (context.StoreDirectory is not { } directory)
        {
            return Path.GetTempPath();
        }

        try
        {
            return Directory.CreateDirectory(directory).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"--store-dir '{directory}' cannot be used as a folder: {e.Message}");
        }
    }

    private static void Delete(IEnumerable<string> stores)
    {
        foreach (string store in stores.Where(Directory.Exists))
        {
            Directory.Delete(store, recursive: true);
        }
    }

    private sealed class Silent : ISweepProgress
    {
        public void OnPlanned(int toRun, int skipped)
        {
        }

        public void OnTrialStarted(SweepTrial trial)
        {
        }

        public void OnTrialCompleted(SweepTrial trial, TrialResult result)
        {
        }
    }
}
