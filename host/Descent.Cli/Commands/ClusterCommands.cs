using System.CommandLine;
using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Cli.Hosting;
using Descent.Cli.Reports;
using Descent.Cli.Tracking;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Sweeps.Sharding;
using Descent.Tracking;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent slurm FILE --shards N</c> and <c>descent k8s FILE --shards N --image IMAGE</c>: print a job
/// that runs a sweep across machines on an existing engine (a Slurm job array, a Kubernetes Indexed Job).
/// Every shard runs the same worker command with every option it needs written into it (paths made
/// absolute for Slurm, whose tasks run in the submit directory); the engine's index is its shard.
/// </summary>
public static class ClusterCommands
{
    private static readonly Argument<string> FileArgument = new("file") { Description = "experiment file (YAML)" };
    private static readonly Option<int> ShardsOption = new("--shards") { Description = "number of shards (array tasks, pods)", Required = true };
    private static readonly Option<int> ParallelOption = new("--parallel") { Description = "trials each shard runs at once (CPUs it asks for)", DefaultValueFactory = _ => 1 };
    private static readonly Option<int?> RetriesOption = new("--retries") { Description = "run a failed trial again this many times (default: the worker's, 1)" };
    private static readonly Option<bool> RequireServerOption = new("--require-server") { Description = "refuse a local tracking store: every shard must log to an http(s):// tracking server" };

    /// <summary>Builds <c>descent slurm</c>.</summary>
    public static Command Slurm(CliConsole console)
    {
        var time = new Option<string>("--time") { Description = "time limit per array task (Slurm's --time)", DefaultValueFactory = _ => SlurmResources.DefaultTime };
        var partition = new Option<string>("--partition") { Description = "Slurm partition (default: the cluster's)" };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "CPUs per array task (default: --parallel)" };
        var memory = new Option<string>("--mem") { Description = "memory per node, e.g. 4G (default: the cluster's)" };
        var account = new Option<string>("--account") { Description = "Slurm account to charge (default: yours)" };
        var extra = new Option<string[]>("--sbatch-arg")
        {
            Description = "another sbatch option, one #SBATCH line each (repeatable), e.g. --sbatch-arg=--qos=high",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var workdir = new Option<string>("--workdir") { Description = "the Descent checkout on the cluster, whose ./descent the tasks run (default: this one)" };
        var command = new Command("slurm", "print an sbatch script that runs the sweep or benchmark as a Slurm job array, array task K running shard K")
        {
            FileArgument, ShardsOption, ParallelOption, RetriesOption, time, partition, cpus, memory, account, extra, workdir,
            TrackingOptions.TrackingUri, SweepCommand.ExperimentOption, ReportOptions.ReportDirectory, RequireServerOption,
        };
        command.SetAction(parsed =>
        {
            var resources = new SlurmResources(parsed.GetValue(time)!)
            {
                Partition = parsed.GetValue(partition),
                CpusPerTask = parsed.GetValue(cpus),
                Memory = parsed.GetValue(memory),
                Account = parsed.GetValue(account),
                ExtraArguments = parsed.GetValue(extra) ?? [],
            };
            if (resources.Problems() is { Count: > 0 } problems)
            {
                throw new UsageException(string.Join("; ", problems));
            }

            string checkout = Path.GetFullPath(parsed.GetValue(workdir)
                ?? Engine.Data.DefaultDataDirectory.FindRepositoryRoot(AppContext.BaseDirectory) ?? Environment.CurrentDirectory);
            var (plan, worker) = Prepare(console, parsed, Path.Combine(checkout, "descent"), absolute: true);
            console.Out.Write(SlurmScript.Create(plan.File.Name, parsed.GetValue(ShardsOption), worker, resources));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Builds <c>descent k8s</c>.</summary>
    public static Command Kubernetes(CliConsole console)
    {
        var image = new Option<string>("--image") { Description = "container image with Descent and the experiment file", Required = true };
        var command = new Command("k8s", "print a Kubernetes Indexed Job manifest that runs the sweep or benchmark, pod K running shard K (paths as the image sees them)")
        {
            FileArgument, ShardsOption, ParallelOption, RetriesOption, image,
            TrackingOptions.TrackingUri, SweepCommand.ExperimentOption, ReportOptions.ReportDirectory, RequireServerOption,
        };
        command.SetAction(parsed =>
        {
            var (plan, worker) = Prepare(console, parsed, "descent", absolute: false);
            console.Out.Write(IndexedJobManifest.Create(plan.File.Name, parsed.GetValue(ShardsOption), parsed.GetValue(image)!, worker));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Checks the file against the plugins (a broken sweep is never submitted) and builds the worker command
    /// from every option given (the tracking URI and experiment also from MLflow's variables, which a job
    /// submitted with an empty environment would not see). Warns about storage every node must share.
    /// </summary>
    private static (SweepPlan Plan, WorkerCommand Worker) Prepare(CliConsole console, ParseResult parsed, string executable, bool absolute)
    {
        int shards = parsed.GetValue(ShardsOption);
        int parallel = parsed.GetValue(ParallelOption);
        int? retries = parsed.GetValue(RetriesOption);
        if (shards < 1 || parallel < 1 || retries < 0)
        {
            throw new UsageException($"--shards ({shards}) and --parallel ({parallel}) must be at least 1, --retries ({retries}) at least 0");
        }

        string path = parsed.GetValue(FileArgument)!;
        bool benchmark = BenchmarkFileParser.IsBenchmark(path);
        using var host = EngineHost.Start(console, parsed);
        var plan = benchmark
            ? BenchmarkExpander.Expand(BenchmarkFileParser.Load(path), host.Catalog).Sweep
            : SweepExpander.Expand(ExperimentFileParser.Load(path), host.Catalog);
        if (shards > plan.Trials.Count)
        {
            console.Warn($"{shards} shards for {plan.Trials.Count} trials: {shards - plan.Trials.Count} shards will have nothing to do");
        }

        string? experiment = NonEmpty(parsed.GetValue(SweepCommand.ExperimentOption)) ?? NonEmpty(Environment.GetEnvironmentVariable("MLFLOW_EXPERIMENT_NAME"));
        string? uriText = NonEmpty(parsed.GetValue(TrackingOptions.TrackingUri)) ?? NonEmpty(Environment.GetEnvironmentVariable("MLFLOW_TRACKING_URI"));
        var uri = TrackingSettingsReader.Read(uriText, experiment).Uri;
        bool requireServer = parsed.GetValue(RequireServerOption);
        if (!uri.IsServer && requireServer)
        {
            throw new UsageException($"the tracking store {(uriText ?? uri.Display)} is local and --require-server is given: give --tracking-uri http(s)://host:port");
        }

        string? reportDirectory = parsed.GetValue(ReportOptions.ReportDirectory);
        if (absolute)
        {
            // Slurm tasks run in the submit directory on other nodes: every path is fixed now, where it was given.
            uriText = uri.IsServer ? uriText : uri.LocalPath;
            reportDirectory = Path.GetFullPath(reportDirectory ?? ReportOptions.DefaultDirectory(experiment ?? plan.File.Name));
        }

        if (!uri.IsServer)
        {
            console.Warn(absolute
                ? $"runs go to the local store {uri.LocalPath}: every node must see it at that path (a shared file system); or give --tracking-uri http(s)://... (--require-server refuses a local store)"
                : "pods share no file system: give --tracking-uri http(s)://... so that every shard logs to the same tracking server (--require-server refuses a local store)");
        }

        if (reportDirectory is not null)
        {
            console.Warn($"the last shard to finish writes the report to {reportDirectory}: every node must see it at that path (it is also attached to the parent run)");
        }

        string? dataDirectory = parsed.GetValue(GlobalOptions.DataDir);
        var worker = new WorkerCommand(executable, Fix(path, absolute), uriText, experiment, parallel)
        {
            ReportDirectory = reportDirectory,
            Retries = retries,
            DataDirectory = dataDirectory is null ? null : Fix(dataDirectory, absolute),
            Offline = parsed.GetValue(GlobalOptions.Offline),
            Plugins = (parsed.GetValue(GlobalOptions.Plugins) ?? []).Select(p => Fix(p, absolute)).ToArray(),
            Verb = benchmark ? "benchmark" : "sweep",
        };
        return (plan, worker);
    }

    private static string Fix(string path, bool absolute) => absolute ? Path.GetFullPath(path) : path;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
