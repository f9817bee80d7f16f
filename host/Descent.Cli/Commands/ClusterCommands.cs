using System.CommandLine;
using Descent.Cli.Hosting;
using Descent.Cli.Tracking;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Sharding;
using Descent.Tracking;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent slurm FILE --shards N</c> and <c>descent k8s FILE --shards N --image IMAGE</c>: print a job
/// that runs a sweep across machines on an existing engine (a Slurm job array, a Kubernetes Indexed Job).
/// Every shard runs the same worker command; the engine tells each its index.
/// </summary>
public static class ClusterCommands
{
    private static readonly Argument<string> FileArgument = new("file") { Description = "experiment file (YAML)" };
    private static readonly Option<int> ShardsOption = new("--shards") { Description = "number of shards (array tasks, pods)", Required = true };
    private static readonly Option<int> ParallelOption = new("--parallel") { Description = "trials each shard runs at once (CPUs it asks for)", DefaultValueFactory = _ => 1 };

    /// <summary>Builds <c>descent slurm</c>.</summary>
    public static Command Slurm(CliConsole console)
    {
        var time = new Option<string>("--time") { Description = "time limit per array task (Slurm's --time)", DefaultValueFactory = _ => "02:00:00" };
        var workdir = new Option<string>("--workdir") { Description = "the Descent checkout on the cluster (default: this one)" };
        var command = new Command("slurm", "print an sbatch script that runs the sweep as a Slurm job array")
        {
            FileArgument, ShardsOption, ParallelOption, time, workdir, TrackingOptions.TrackingUri, TrackingOptions.Experiment,
        };
        command.SetAction(parsed =>
        {
            var (plan, worker) = Prepare(console, parsed, "./descent");
            string directory = parsed.GetValue(workdir) ?? Engine.Data.DefaultDataDirectory.FindRepositoryRoot(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
            console.Out.Write(SlurmScript.Create(plan.File.Name, parsed.GetValue(ShardsOption), worker, directory, parsed.GetValue(time)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Builds <c>descent k8s</c>.</summary>
    public static Command Kubernetes(CliConsole console)
    {
        var image = new Option<string>("--image") { Description = "container image with Descent and the experiment file", Required = true };
        var command = new Command("k8s", "print a Kubernetes Indexed Job manifest that runs the sweep, one pod per shard")
        {
            FileArgument, ShardsOption, ParallelOption, image, TrackingOptions.TrackingUri, TrackingOptions.Experiment,
        };
        command.SetAction(parsed =>
        {
            var (plan, worker) = Prepare(console, parsed, "descent");
            if (worker.TrackingUri is null || !TrackingUri.Parse(worker.TrackingUri).IsServer)
            {
                console.Warn("pods share no file system: give --tracking-uri http(s)://... so that every shard logs to the same tracking server");
            }

            console.Out.Write(IndexedJobManifest.Create(plan.File.Name, parsed.GetValue(ShardsOption), parsed.GetValue(image)!, worker));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Checks the file against the plugins (a broken sweep is never submitted) and builds the worker command.</summary>
    private static (SweepPlan Plan, WorkerCommand Worker) Prepare(CliConsole console, ParseResult parsed, string executable)
    {
        int shards = parsed.GetValue(ShardsOption);
        int parallel = parsed.GetValue(ParallelOption);
        if (shards < 1 || parallel < 1)
        {
            throw new UsageException($"--shards ({shards}) and --parallel ({parallel}) must be at least 1");
        }

        string path = parsed.GetValue(FileArgument)!;
        var file = ExperimentFileParser.Load(path);
        using var host = EngineHost.Start(console, parsed);
        var plan = SweepExpander.Expand(file, host.Catalog);
        if (shards > plan.Trials.Count)
        {
            console.Warn($"{shards} shards for {plan.Trials.Count} trials: {shards - plan.Trials.Count} shards will have nothing to do");
        }

        string? uri = parsed.GetValue(TrackingOptions.TrackingUri);
        if (uri is not null)
        {
            TrackingSettingsReader.Read(uri, null);
        }

        return (plan, new WorkerCommand(executable, path, uri, parsed.GetValue(TrackingOptions.Experiment), parallel));
    }
}
