using System.Diagnostics;
using Descent.Cli.Output;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;
using Descent.Tracking.Rest;

namespace Descent.Cli.Bench;

/// <summary>
/// What MLflow tracking costs a trial: the chapter's airfoil trial (linear regression, SGD lr 0.05,
/// batch 10, the loss recorded every 100 samples) run untracked, tracked to a local FileStore, and
/// tracked to a loopback HTTP server, interleaved in one run; wall time from the start of the trial to
/// its run ended (records flushed, trial.json attached, status set), the training loop alone, and the
/// host's pictures (rendered only when tracking or --out asks for them) on their own. Then the
/// throughput of metric points through the batching recorder.
/// </summary>
public sealed class TrackingOverheadSuite : IBenchmarkSuite
{
    /// <inheritdoc />
    public string Name => "tracking";

    /// <inheritdoc />
    public string Description => "MLflow tracking overhead on the airfoil batch-10 trial (off, local store, loopback HTTP) and metric points per second";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Run(BenchContext context)
    {
        var figures = new Dictionary<string, double>();
        using var temp = new TemporaryFolder();
        using var server = new LoopbackMlflowServer();
        using var files = new TrackingSession(new FileTrackingStore(temp.Sub("mlruns")), "bench");
        using var http = new TrackingSession(new RestTrackingStore(server.Uri), "bench", new FileTrackingStore(temp.Sub("spool")));

        foreach (int epochs in context.Quick ? [2] : new[] { 2, 20 })
        {
            var trial = AirfoilTrial(context, epochs);
            int rounds = context.Quick ? 3 : epochs == 2 ? 41 : 21;
            Overhead(context, figures, $"epochs{epochs}", trial, files, http, rounds);
        }

        Pictures(context, figures, temp, AirfoilTrial(context, 2), context.Quick ? 3 : 11);
        int points = context.Quick ? 20_000 : 400_000;
        figures["http_points_per_second"] = Throughput(http, points);
        figures["file_points_per_second"] = Throughput(files, points);
        figures["http_points_received"] = server.Metrics;
        return figures;
    }

    private static void Overhead(BenchContext context, Dictionary<string, double> figures, string label, ResolvedTrial trial, TrackingSession files, TrackingSession http, int rounds)
    {
        var variants = new (string Name, TrackingSession? Session)[] { ("off", null), ("file", files), ("http", http) };
        foreach (var variant in variants)
        {
            Measure(context, trial, variant.Session); // warm-up
        }

        var wall = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var loop = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < variants.Length; i++)
            {
                var (name, session) = variants[(round + i) % variants.Length];
                var (wallSeconds, loopSeconds) = Measure(context, trial, session);
                wall[name].Add(wallSeconds);
                loop[name].Add(loopSeconds);
            }
        }

        foreach (var (name, _) in variants)
        {
            figures[$"{label}_{name}_wall_ms"] = BenchStatistics.Median(wall[name]) * 1e3;
            figures[$"{label}_{name}_loop_ms"] = BenchStatistics.Median(loop[name]) * 1e3;
        }

        foreach (string name in new[] { "file", "http" })
        {
            figures[$"{label}_{name}_overhead_ratio"] = (BenchStatistics.Median(wall[name]) / BenchStatistics.Median(wall["off"])) - 1;
            figures[$"{label}_{name}_loop_overhead_ratio"] = (BenchStatistics.Median(loop[name]) / BenchStatistics.Median(loop["off"])) - 1;
        }

        context.Console.Out.WriteLine($"   {label}: {trial.Dataset?.Id} batch {trial.Training.BatchSize}, {trial.Training.Epochs} epochs; medians of {rounds} interleaved rounds");
    }

    /// <summary>Seconds from the start of the trial to its run ended, and of the training loop alone.</summary>
    private static (double Wall, double Loop) Measure(BenchContext context, ResolvedTrial trial, TrackingSession? session)
    {
        var clock = Stopwatch.StartNew();
        var tracker = session?.StartTrial(trial);
        var result = context.Engine.Runner.Run(trial, tracker, context.Cancellation);
        if (result.Status != TrialStatus.Finished)
        {
            throw new InvalidOperationException($"benchmark trial ended {result.Status}: {result.Error}");
        }

        if (tracker is not null)
        {
            var outcome = tracker.FinishAsync(result).GetAwaiter().GetResult();
            if (outcome.Spooled || outcome.Warnings.Count > 0)
            {
                throw new InvalidOperationException($"benchmark tracking did not reach its store: {string.Join("; ", outcome.Warnings)}");
            }
        }

        return (clock.Elapsed.TotalSeconds, result.WallSeconds);
    }

    private static void Pictures(BenchContext context, Dictionary<string, double> figures, TemporaryFolder temp, ResolvedTrial trial, int rounds)
    {
        var result = context.Engine.Runner.Run(trial, null, context.Cancellation);
        var report = TrialReport.From(trial, result);
        var times = new List<double>();
        for (int i = 0; i <= rounds; i++)
        {
            string directory = temp.Sub($"pictures-{i}");
            var clock = Stopwatch.StartNew();
            TrialFiles.Write(directory, trial, result, context.Engine.Services, lossPicture: true);
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }

        figures["epochs2_result_files_and_pictures_ms"] = BenchStatistics.Median(times) * 1e3;
    }

    /// <summary>Metric points per second from the first logged to the run ended.</summary>
    private static double Throughput(TrackingSession session, int points)
    {
        var clock = Stopwatch.StartNew();
        var run = session.StartRun(new RunStart("throughput"));
        for (int i = 0; i < points; i++)
        {
            run.LogMetric(RunKeys.Metrics.Loss, i * 1e-3, i);
        }

        var outcome = run.FinishAsync(RunStatus.Finished).GetAwaiter().GetResult();
        if (outcome.Spooled || outcome.LostRecords > 0)
        {
            throw new InvalidOperationException($"throughput run did not reach its store: {string.Join("; ", outcome.Warnings)}");
        }

        return points / clock.Elapsed.TotalSeconds;
    }

    private static ResolvedTrial AirfoilTrial(BenchContext context, int epochs)
    {
        var spec = new TrialSpec
        {
            Optimizer = "sgd",
            Hyperparameters = new Dictionary<string, string> { ["lr"] = "0.05" },
            Objective = "linear-regression",
            Dataset = "airfoil",
            Training = new TrainingSettings(Epochs: epochs, BatchSize: 10, RecordEvery: TrainingSettings.DefaultRecordEvery),
        };
        return TrialResolver.Resolve(spec, context.Engine.Catalog);
    }

    /// <summary>A folder deleted at the end of the benchmark.</summary>
    private sealed class TemporaryFolder : IDisposable
    {
        public TemporaryFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"descent-bench-tracking-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Sub(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
