using System.CommandLine;
using System.Globalization;
using Descent.Cli.Hosting;
using Descent.Cli.Output;
using Descent.Cli.Reports;
using Descent.Cli.Sweeps;
using Descent.Cli.Tracking;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Running;
using Descent.Sweeps.Sharding;
using Descent.Sweeps.Tracking;
using Descent.Sweeps.Workers;
using Descent.Tracking;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent sweep FILE</c>: expands an experiment file into its trials, skips those the store holds as
/// finished, runs the rest (in parallel, or this process's shard of them), records every trial as a child
/// of the sweep's parent run, and reports.
/// </summary>
public static class SweepCommand
{
    private static readonly Argument<string> FileArgument = new("file") { Description = "experiment file (YAML), e.g. experiments/ch7-airfoil.yaml" };
    internal static readonly Option<int> ParallelOption = new("--parallel") { Description = "trials at once (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
    internal static readonly Option<string> ShardOption = new("--shard") { Description = "run shard K of N (K/N, K from 0; the jobs descent slurm and descent k8s print pass it); default from Slurm array or Kubernetes Indexed Job variables" };
    internal static readonly Option<int?> ShardsOption = new("--shards") { Description = "shard count for a Kubernetes Indexed Job (else DESCENT_SHARD_COUNT)" };
    private static readonly Option<int> RetriesOption = new("--retries") { Description = "run a failed trial again this many times (a new run each time)", DefaultValueFactory = _ => 1 };
    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "list the trials (and which would be skipped) without running anything" };
    internal static readonly Option<bool> JsonOption = new("--json") { Description = "print a summary object as JSON" };
    private static readonly Option<int> MaxTrialsOption = new("--max-trials") { Description = "refuse a sweep of more trials than this (its dry run lists the first and last)", DefaultValueFactory = _ => SweepSizeLimit.DefaultMaxTrials };

    /// <summary><c>--experiment NAME</c> of a sweep (and of the cluster jobs that run one): the default is the experiment file's name, not <c>descent</c>.</summary>
    internal static Option<string> ExperimentOption { get; } = new("--experiment")
    {
        Description = "MLflow experiment name, created when missing (default MLFLOW_EXPERIMENT_NAME, else the experiment file's name)",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("sweep", "run every trial of an experiment file: resumable, parallel, shardable")
        {
            FileArgument, ParallelOption, ShardOption, ShardsOption, RetriesOption, DryRunOption, JsonOption, MaxTrialsOption,
            TrackingOptions.TrackingUri, ExperimentOption, TrackingOptions.NoTrack,
            ReportOptions.ReportDirectory, ReportOptions.NoReport,
        };
        foreach (var option in WorkerOptions.All)
        {
            command.Options.Add(option); // where trials run: --in-process, --trial-timeout, --threads-per-trial
        }

        command.SetAction((parsed, cancellation) => Task.Run(() => ExecuteAsync(console, parsed, cancellation), CancellationToken.None));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, ParseResult parsed, CancellationToken cancellation)
    {
        int parallel = parsed.GetValue(ParallelOption);
        if (parallel < 1)
        {
            throw new UsageException($"invalid --parallel {parallel}; give at least 1");
        }

        var timeout = WorkerOptions.Timeout(parsed);
        WorkerOptions.MemoryLimit(parsed); // checked before anything runs, with or without workers
        var file = ExperimentFileParser.Load(parsed.GetValue(FileArgument)!);
        // The workers load their plugins while this process loads its own and expands the sweep.
        using var workers = parsed.GetValue(WorkerOptions.InProcess) || parsed.GetValue(DryRunOption) ? null : new WorkerPool(WorkerLaunches.For(parsed, WorkerOptions.Threads(parsed, parallel)));
        workers?.Prestart(parallel);
        using var host = EngineHost.Start(console, parsed, WorkerOptions.Threads(parsed, parallel)); // the threads a trial of this process gets with --in-process
        var plan = SweepExpander.Expand(file, host.Catalog);
        if (parsed.GetValue(WorkerOptions.InProcess) && timeout is null && (file.Timeout is not null || file.Optimizers.Any(e => e.Timeout is not null)))
        {
            console.Warn("the file's 'timeout:' is not enforced with --in-process (a trial on a thread of this process cannot be killed); drop --in-process to apply it");
        }

        int maxTrials = parsed.GetValue(MaxTrialsOption);
        if (plan.Trials.Count > maxTrials)
        {
            return parsed.GetValue(DryRunOption)
                ? SweepSizeLimit.DryRun(console, plan, maxTrials, parsed.GetValue(JsonOption))
                : throw new UsageException(SweepSizeLimit.Refusal(plan.Trials.Count, maxTrials));
        }

        var shard = ShardSelector.Resolve(parsed.GetValue(ShardOption), parsed.GetValue(ShardsOption), Environment.GetEnvironmentVariable);
        using var session = OpenTracking(console, parsed, plan);
        var tracking = session is null ? null : await SweepTracking.OpenAsync(session, plan, cancellation);
        if (tracking is { Reachable: false } && !session!.ServerDown)
        {
            console.Warn($"cannot reach the tracking store {tracking.Location}: every trial of the shard runs, and its records go to the spool (replay them with 'descent sync')");
        }

        bool json = parsed.GetValue(JsonOption);
        if (parsed.GetValue(DryRunOption))
        {
            return DryRun(console, plan, shard, tracking, json);
        }

        OptimizerCreationCheck.Check(plan.Trials.Select(t => t.Trial));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runner = new SweepRunner(host.Runner, host.Services, host.Data, workers);
        int retries = parsed.GetValue(RetriesOption);
        if (retries < 0)
        {
            throw new UsageException($"invalid --retries {retries}; give 0 or more");
        }

        var options = new SweepRunOptions(parallel, shard, retries, timeout);
        bool live = !json && !Console.IsOutputRedirected && ReferenceEquals(console.Out, Console.Out);
        var (outcomes, skipped) = live
            ? await LiveSweepProgress.RunAsync(console.Rich, progress => runner.RunAsync(plan, options, tracking, progress, cancellation))
            : await runner.RunAsync(plan, options, tracking, new PlainSweepProgress(console.Error), cancellation);

        bool interrupted = cancellation.IsCancellationRequested;
        // Report (Descent.Reports): written when every trial has a finished run, attached to the parent with the file.
        // A rerun of a sweep whose parent was already FINISHED ran nothing: the report the last shard wrote stands.
        IReadOnlyList<(string LocalFile, string ArtifactPath)> report = tracking is { AlreadyComplete: true }
            ? []
            : await SweepEndReport.WriteAsync(console, parsed, tracking, session, plan, host, interrupted);
        bool complete = tracking is not null && await tracking.CompleteAsync(interrupted, [(file.Path, RunKeys.Artifacts.ExperimentFile), .. report], CancellationToken.None);
        int spooled = session?.SpooledRuns ?? 0;
        complete &= spooled == 0; // runs waiting in the spool are not on the server yet: the sweep is complete there only after 'descent sync'
        var counts = SweepSummary.Count(outcomes);
        var summary = new SweepSummary(
            plan.File.Name, plan.Identity, plan.Trials.Count, plan.Trials.Count(shard.Contains), outcomes.Count, skipped,
            counts.Finished, counts.Diverged, counts.Failed, counts.Killed, shard.ToString(), parallel,
            tracking?.Experiment.ExperimentId is { Length: > 0 } id ? id : null, tracking?.ParentRunId, complete, clock.Elapsed.TotalSeconds);

        if (json)
        {
            console.Out.WriteLine(Json.Write(summary));
        }
        else
        {
            WriteSummary(console, summary, tracking);
        }

        if (spooled > 0)
        {
            console.Error.WriteLine($"spool   {spooled} runs wait in {session!.Spool!.Root}: run 'descent sync --to {tracking!.Location} --from {session.Spool.Root}' when the server answers");
        }

        return interrupted ? ExitCodes.Interrupted : counts.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static TrackingSession? OpenTracking(CliConsole console, ParseResult parsed, SweepPlan plan)
    {
        if (parsed.GetValue(TrackingOptions.NoTrack))
        {
            return null;
        }

        // A sweep's runs go to the experiment named on the command line, else in MLFLOW_EXPERIMENT_NAME, else the file's name.
        string experiment = parsed.GetValue(ExperimentOption)
            ?? (Environment.GetEnvironmentVariable("MLFLOW_EXPERIMENT_NAME") is { Length: > 0 } fromEnvironment ? fromEnvironment : plan.File.Name);
        var settings = TrackingSettingsReader.Read(parsed.GetValue(TrackingOptions.TrackingUri), experiment);
        return TrackingSession.Open(settings, new ConsoleTrackingLogger(console));
    }

    private static int DryRun(CliConsole console, SweepPlan plan, Shard shard, SweepTracking? tracking, bool json)
    {
        var rows = plan.Trials.Select(t => new DryRunTrial(
            t.Index, t.Name, t.Identity, shard.Contains(t),
            tracking is not null && tracking.Finished.Contains(t.Identity))).ToArray();
        var inShard = rows.Where(r => r.InShard).ToArray();
        if (json)
        {
            console.Out.WriteLine(Json.Write(new DryRunSummary(plan.File.Name, plan.Identity, rows.Length, inShard.Length, 0, inShard.Count(r => r.Skip), 0, 0,
                inShard.Count(r => !r.Skip), shard.ToString(), tracking?.ParentRunId, rows)));
            return ExitCodes.Ok;
        }

        foreach (var row in rows)
        {
            string state = !row.InShard ? "other shard" : row.Skip ? "skip (finished)" : "run";
            console.Out.WriteLine($"{row.Identity[..12]}  {state,-15}  {row.Name}");
        }

        console.Out.WriteLine($"{rows.Length} trials, {inShard.Length} in {shard}: {inShard.Count(r => !r.Skip)} would run, {inShard.Count(r => r.Skip)} would be skipped (sweep {plan.Identity[..12]})");
        return ExitCodes.Ok;
    }

    private static void WriteSummary(CliConsole console, SweepSummary s, SweepTracking? tracking)
    {
        var o = console.Out;
        o.WriteLine($"sweep   {s.Name} ({s.Total} trials; {s.Shard}; parallel {s.Parallel})");
        o.WriteLine($"ran     {s.Ran} in {s.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s ({s.TrialsPerSecond.ToString("0.00", CultureInfo.InvariantCulture)} trials/s): " +
                    $"{s.Finished} finished, {s.Diverged} diverged, {s.Failed} failed, {s.Killed} killed; {s.Skipped} skipped as already finished");
        if (tracking is not null)
        {
            o.WriteLine($"mlflow  experiment '{tracking.Experiment.Name}' {s.ExperimentId}, parent run {s.ParentRunId} at {tracking.Location}{(s.Complete ? " (sweep complete)" : "")}");
        }
    }

    private sealed record DryRunTrial(int Index, string Name, string Identity, bool InShard, bool Skip);

    private sealed record DryRunSummary(
        string Name, string SweepId, int Total, int InShard, int Ran, int Skipped, int Failed, int Diverged, int WouldRun, string Shard, string? ParentRunId,
        IReadOnlyList<DryRunTrial> Trials);
}
