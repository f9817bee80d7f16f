using System.CommandLine;
using System.Globalization;
using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Benchmarks.Running;
using Descent.Cli.Hosting;
using Descent.Cli.Output;
using Descent.Cli.Reports;
using Descent.Cli.Sweeps;
using Descent.Cli.Tracking;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Files;
using Descent.Sweeps.Running;
using Descent.Sweeps.Sharding;
using Descent.Sweeps.Tracking;
using Descent.Sweeps.Workers;
using Descent.Tracking;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent benchmark FILE</c>: runs a benchmark file's protocol (every workload x optimizer x study x tuning
/// trial, then the reruns of each study's best configuration), resumable, parallel and shardable as a sweep, into one
/// parent run with a child per workload x optimizer and a grandchild per trial; then scores it.
/// </summary>
public static class BenchmarkCommand
{
    private static readonly Argument<string> FileArgument = new("file") { Description = "benchmark file (YAML), e.g. benchmarks/quick.yaml" };
    private static readonly Option<int> RetriesOption = new("--retries") { Description = "run a crashed or timed-out trial again this many times", DefaultValueFactory = _ => 1 };
    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "list the tuning trials (and which would be skipped) without running anything" };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("benchmark", "compare optimizers fairly: tune each on every workload of a benchmark file (studies of quasi-random trials), rerun each study's best, score")
        {
            FileArgument, SweepCommand.ParallelOption, SweepCommand.ShardOption, SweepCommand.ShardsOption, RetriesOption, DryRunOption, SweepCommand.JsonOption,
            TrackingOptions.TrackingUri, SweepCommand.ExperimentOption, TrackingOptions.NoTrack,
            ReportOptions.ReportDirectory, ReportOptions.NoReport,
        };
        foreach (var option in WorkerOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellation) => Task.Run(() => ExecuteAsync(console, parsed, cancellation), CancellationToken.None));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, ParseResult parsed, CancellationToken cancellation)
    {
        int parallel = parsed.GetValue(SweepCommand.ParallelOption);
        if (parallel < 1)
        {
            throw new UsageException($"invalid --parallel {parallel}; give at least 1");
        }

        int retries = parsed.GetValue(RetriesOption);
        if (retries < 0)
        {
            throw new UsageException($"invalid --retries {retries}; give 0 or more");
        }

        var timeout = WorkerOptions.Timeout(parsed);
        WorkerOptions.MemoryLimit(parsed); // checked before anything runs, with or without workers
        var file = BenchmarkFileParser.Load(parsed.GetValue(FileArgument)!);
        bool dryRun = parsed.GetValue(DryRunOption);
        using var workers = parsed.GetValue(WorkerOptions.InProcess) || dryRun ? null : new WorkerPool(WorkerLaunches.For(parsed, WorkerOptions.Threads(parsed, parallel)));
        workers?.Prestart(parallel);
        using var host = EngineHost.Start(console, parsed, WorkerOptions.Threads(parsed, parallel)); // the threads a trial of this process gets with --in-process
        var plan = BenchmarkExpander.Expand(file, host.Catalog);
        if (parsed.GetValue(WorkerOptions.InProcess) && timeout is null && file.Optimizers.Any(e => e.Timeout is not null))
        {
            console.Warn("the optimizers' 'timeout:' is not enforced with --in-process (a trial on a thread of this process cannot be killed); drop --in-process to apply it");
        }

        var shard = ShardSelector.Resolve(parsed.GetValue(SweepCommand.ShardOption), parsed.GetValue(SweepCommand.ShardsOption), Environment.GetEnvironmentVariable);
        using var session = OpenTracking(console, parsed, file);
        var tracking = session is null ? null : await SweepTracking.OpenAsync(session, plan.Sweep, cancellation);
        if (tracking is { Reachable: false } && !session!.ServerDown)
        {
            console.Warn($"cannot reach the tracking store {tracking.Location}: the tuning trials run and go to the spool; reruns are chosen from this process's trials only");
        }

        bool json = parsed.GetValue(SweepCommand.JsonOption);
        if (dryRun)
        {
            return DryRun(console, plan, shard, tracking, json);
        }

        OptimizerCreationCheck.Check(plan.Tuning.Select(t => t.Sweep.Trial));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runner = new BenchmarkRunner(new SweepRunner(host.Runner, host.Services, host.Data, workers));
        var options = new SweepRunOptions(parallel, shard, retries, timeout);
        var result = await runner.RunAsync(plan, options, tracking, session?.Store, new PlainSweepProgress(console.Error), line => console.Error.WriteLine(line), cancellation);
        bool interrupted = cancellation.IsCancellationRequested;
        var report = await BenchmarkEndReport.WriteAsync(console, parsed, plan, result, tracking, session, interrupted);
        bool complete = tracking is not null && await tracking.CompleteAsync(interrupted, [(file.Path, "benchmark.yaml"), .. report], CancellationToken.None);
        complete &= (session?.SpooledRuns ?? 0) == 0;
        var counts = SweepSummary.Count(result.Outcomes);
        var summary = new BenchmarkSummary(
            file.Name, plan.Sweep.Identity, plan.Cells.Count, plan.Tuning.Count, result.Reruns, result.Outcomes.Count, result.Skipped,
            counts.Finished, counts.Diverged, counts.Failed, counts.Killed, result.StudiesWaiting, shard.ToString(), parallel,
            tracking?.Experiment.ExperimentId is { Length: > 0 } id ? id : null, tracking?.ParentRunId, complete, clock.Elapsed.TotalSeconds);
        if (json)
        {
            console.Out.WriteLine(Json.Write(summary));
        }
        else
        {
            WriteSummary(console, summary, tracking);
        }

        return interrupted ? ExitCodes.Interrupted : counts.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static TrackingSession? OpenTracking(CliConsole console, ParseResult parsed, BenchmarkFile file)
    {
        if (parsed.GetValue(TrackingOptions.NoTrack))
        {
            return null;
        }

        string experiment = parsed.GetValue(SweepCommand.ExperimentOption)
            ?? (Environment.GetEnvironmentVariable("MLFLOW_EXPERIMENT_NAME") is { Length: > 0 } fromEnvironment ? fromEnvironment : file.Name);
        var settings = TrackingSettingsReader.Read(parsed.GetValue(TrackingOptions.TrackingUri), experiment);
        return TrackingSession.Open(settings, new ConsoleTrackingLogger(console));
    }

    private static int DryRun(CliConsole console, BenchmarkPlan plan, Shard shard, SweepTracking? tracking, bool json)
    {
        var rows = plan.Tuning.Select(t => new DryRunTrial(
            t.Sweep.Index, t.Cell.Workload.Name, t.Cell.OptimizerName, t.Study, t.Number, t.Sweep.Name, t.Sweep.Identity, shard.Contains(t.Sweep),
            tracking is not null && tracking.Finished.Contains(t.Sweep.Identity))).ToArray();
        int inShard = rows.Count(r => r.InShard);
        int skip = rows.Count(r => r.InShard && r.Skip);
        if (json)
        {
            console.Out.WriteLine(Json.Write(new DryRunSummary(plan.File.Name, plan.Sweep.Identity, plan.Cells.Count, rows.Length, inShard, inShard - skip, skip,
                plan.File.Protocol.RerunSeeds.Count, shard.ToString(), rows)));
            return ExitCodes.Ok;
        }

        var o = console.Out;
        foreach (var row in rows)
        {
            string state = !row.InShard ? "other shard" : row.Skip ? "skip (finished)" : "run";
            o.WriteLine($"{row.Identity[..12]}  {state,-15}  study {row.Study}  {row.Name}");
        }

        var p = plan.File.Protocol;
        o.WriteLine($"{rows.Length} tuning trials ({plan.File.Workloads.Count} workloads x {plan.File.Optimizers.Count} optimizers x {p.Studies} studies x up to {p.TrialsPerStudy} trials, {p.Search.ToString().ToLowerInvariant()} search), " +
                    $"{inShard} in {shard}: {inShard - skip} would run, {skip} would be skipped; then up to {plan.Cells.Count * p.Studies * p.RerunSeeds.Count} reruns (benchmark {plan.Sweep.Identity[..12]})");
        return ExitCodes.Ok;
    }

    private static void WriteSummary(CliConsole console, BenchmarkSummary s, SweepTracking? tracking)
    {
        var o = console.Out;
        o.WriteLine($"benchmark {s.Name} ({s.Cells} workload x optimizer cells, {s.TuningTrials} tuning trials, {s.Reruns} reruns known; {s.Shard}; parallel {s.Parallel})");
        o.WriteLine($"ran     {s.Ran} in {s.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {s.Finished} finished, {s.Diverged} diverged, {s.Failed} failed, {s.Killed} killed; {s.Skipped} skipped as already finished");
        if (s.StudiesWaiting > 0)
        {
            o.WriteLine($"waiting {s.StudiesWaiting} studies have tuning trials without a final run (other shards, or interrupted): run 'descent benchmark' on the file again to finish them");
        }

        if (tracking is not null)
        {
            o.WriteLine($"mlflow  experiment '{tracking.Experiment.Name}' {s.ExperimentId}, parent run {s.ParentRunId} at {tracking.Location}{(s.Complete ? " (benchmark complete)" : "")}");
        }
    }

    private sealed record DryRunTrial(int Index, string Workload, string Optimizer, int Study, int Number, string Name, string Identity, bool InShard, bool Skip);

    private sealed record DryRunSummary(string Name, string BenchmarkId, int Cells, int Total, int InShard, int WouldRun, int Skipped, int RerunSeeds, string Shard, IReadOnlyList<DryRunTrial> Trials);

    private sealed record BenchmarkSummary(
        string Name, string BenchmarkId, int Cells, int TuningTrials, int Reruns, int Ran, int Skipped, int Finished, int Diverged, int Failed, int Killed,
        int StudiesWaiting, string Shard, int Parallel, string? ExperimentId, string? ParentRunId, bool Complete, double WallSeconds);
}
