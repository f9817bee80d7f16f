using System.Diagnostics;
using System.Globalization;
using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Benchmarks.Reading;
using Descent.Benchmarks.Reporting;
using Descent.Cli.Hosting;
using Descent.Tracking;

namespace Descent.Cli.Bench;

/// <summary>
/// The benchmark protocol's coordination overhead, on a generated benchmark of 10,000 tuning trials (4 analytic
/// workloads x 5 optimizers x 5 studies x 100 quasi-random trials, two rerun seeds): <c>descent benchmark --dry-run</c>
/// as a user runs it (a process of its own, start-up included), its parse and expansion in this process, and the
/// scores and report of the benchmark read back from a local store holding a finished run for each of its 10,200
/// trials (written here directly, with 20 evaluations each: nothing is trained).
/// </summary>
public sealed class ProtocolOverheadSuite : IBenchmarkSuite
{
    private const int TrialsPerStudy = 100;

    /// <inheritdoc />
    public string Name => "protocol";

    /// <inheritdoc />
    public string Description => "the benchmark protocol's overhead: --dry-run of a 10,000-trial benchmark, and its scores and report from a store of 10,200 runs";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Run(BenchContext context)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"descent-bench-protocol-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            int trials = context.Quick ? 10 : TrialsPerStudy;
            string file = Path.Combine(folder, "protocol.yaml");
            File.WriteAllText(file, Text(trials));
            string store = Path.Combine(folder, "mlruns");
            var figures = new Dictionary<string, double>();

            var clock = Stopwatch.StartNew();
            var plan = BenchmarkExpander.Expand(BenchmarkFileParser.Load(file), context.Engine.Catalog);
            figures["expand_seconds"] = clock.Elapsed.TotalSeconds;
            figures["tuning_trials"] = plan.Tuning.Count;
            context.Console.Out.WriteLine($"   parse and expand {plan.Tuning.Count} tuning trials in this process: {figures["expand_seconds"]:F2} s");

            figures["dry_run_seconds"] = DryRun(file, store);
            context.Console.Out.WriteLine($"   descent benchmark --dry-run (its own process, start-up included): {figures["dry_run_seconds"]:F2} s (goal: under 5 s)");

            using var session = TrackingSession.Open(TrackingSettings.Resolve(store, "protocol"));
            clock.Restart();
            var experiment = session.Store.GetOrCreateExperimentAsync("protocol", context.Cancellation).GetAwaiter().GetResult();
            int runs = SyntheticBenchmarkRuns.WriteAsync(session.Store, experiment.ExperimentId, plan, context.Cancellation).GetAwaiter().GetResult();
            figures["runs"] = runs;
            context.Console.Out.WriteLine($"   wrote {runs} finished runs of {SyntheticBenchmarkRuns.Points} evaluations into a local store: {clock.Elapsed.TotalSeconds:F1} s (set-up, not scored)");

            clock.Restart();
            var curves = BenchmarkRunsReader.ReadAsync(session.Store, "protocol", plan, context.Cancellation).GetAwaiter().GetResult();
            double read = clock.Elapsed.TotalSeconds;
            var scores = BenchmarkScoring.Score(plan, curves);
            double scored = clock.Elapsed.TotalSeconds;
            BenchmarkReportWriter.Write(scores, Path.Combine(folder, "report"));
            double reported = clock.Elapsed.TotalSeconds;
            figures["read_runs_seconds"] = read;
            figures["scores_seconds"] = scored;
            figures["scores_and_report_seconds"] = reported;
            context.Console.Out.WriteLine(
                $"   scores from the store: {curves.Count} runs read in {read:F1} s, scored by {scored:F1} s, report written by {reported:F1} s (goal: under 30 s); " +
                $"reading is one search over the experiment's runs, then the selection metric's history (and train_seconds, where recorded) of each run from its files");
            if (scores.MissingTrials > 0)
            {
                throw new InvalidOperationException($"the generated store lacks {scores.MissingTrials} of the benchmark's trials: the benchmark measured less than it says");
            }

            return figures;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double DryRun(string file, string store)
    {
        var launch = WorkerLaunches.Self(["benchmark", file, "--dry-run", "--tracking-uri", store]);
        var start = new ProcessStartInfo(launch.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in launch.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {launch.FileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"descent benchmark --dry-run exited with {process.ExitCode}: {error.Trim()}");
        }

        _ = output.Result;
        return seconds;
    }

    private static string Text(int trials) => $$"""
        name: protocol
        description: the protocol benchmark's generated file
        seed: 0
        workloads:
          - {{Workload("quadratic", "quadratic2d")}}
          - {{Workload("rosenbrock", "rosenbrock")}}
          - {{Workload("rastrigin", "rastrigin")}}
          - {{Workload("saddle", "saddle2d")}}
        optimizers:
          - { id: sgd, hyperparameters: { lr: { loguniform: [1.0e-4, 1.0] } } }
          - { id: momentum, hyperparameters: { lr: { loguniform: [1.0e-4, 1.0] }, momentum: { uniform: [0.5, 0.99] } } }
          - { id: adam, hyperparameters: { lr: { loguniform: [1.0e-4, 1.0] } } }
          - { id: rmsprop, hyperparameters: { lr: { loguniform: [1.0e-4, 1.0] } } }
          - { id: adagrad, hyperparameters: { lr: { loguniform: [1.0e-4, 1.0] } } }
        protocol:
          search: quasirandom
          trials: {{trials.ToString(CultureInfo.InvariantCulture)}}
          studies: 5
          rerun_seeds: [100, 101]
        """;

    private static string Workload(string name, string objective) =>
        $"{{ name: {name}, objective: {objective}, training: {{ steps: 200 }}, target: {{ metric: loss, goal: minimize, value: 0.05 }} }}";
}
