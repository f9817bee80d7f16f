using System.CommandLine;
using System.Globalization;
using Descent.Cli.Hosting;
using Descent.Cli.Output;
using Descent.Cli.Tracking;
using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Sweeps.Workers;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent trial</c>: one optimizer on one objective (and dataset) with given hyperparameters and seed;
/// prints the final point and loss, or the whole result as JSON, and writes pictures with <c>--out</c>.
/// </summary>
public static class TrialCommand
{
    private static readonly Option<string> OptimizerOption = new("--optimizer") { Description = "optimizer plugin id (see: descent plugins)", Required = true };
    private static readonly Option<string[]> HpOption = new("--hp") { Description = "optimizer hyperparameter NAME=VALUE (repeatable), e.g. --hp lr=0.1", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string> ObjectiveOption = new("--objective") { Description = "objective plugin id", Required = true };
    private static readonly Option<string[]> ObjectiveArgOption = new("--objective-arg") { Description = "objective option NAME=VALUE (repeatable), e.g. --objective-arg a=0.1", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string> StartOption = new("--start") { Description = "start point X1,X2,... (analytic objectives; same as --objective-arg start=...)" };
    private static readonly Option<string> DatasetOption = new("--dataset") { Description = "dataset plugin id (objectives that train on data)" };
    private static readonly Option<string[]> DatasetArgOption = new("--dataset-arg") { Description = "dataset option NAME=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string> ScheduleOption = new("--schedule") { Description = "learning-rate schedule plugin id (see: descent plugins), e.g. warmup-cosine" };
    private static readonly Option<string[]> ScheduleArgOption = new("--schedule-arg") { Description = "schedule argument NAME=VALUE (repeatable), e.g. --schedule-arg warmup_steps=500", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<int?> StepsOption = new("--steps") { Description = "iterations (analytic objectives)" };
    private static readonly Option<int?> EpochsOption = new("--epochs") { Description = $"passes over the data (default {TrainingSettings.DefaultEpochs})" };
    private static readonly Option<int?> BatchSizeOption = new("--batch-size") { Description = $"rows per minibatch (default {TrainingSettings.DefaultBatchSize})" };
    private static readonly Option<int?> RecordEveryOption = new("--record-every") { Description = $"record the full-data loss every N samples (default {TrainingSettings.DefaultRecordEvery})" };
    private static readonly Option<int?> EvalEveryOption = new("--eval-every") { Description = "evaluate train_eval, valid and test every N samples (classification objectives; default once per epoch)" };
    private static readonly Option<int?> EvalBatchSizeOption = new("--eval-batch-size") { Description = $"samples per forward pass when evaluating (default {TrainingSettings.DefaultEvalBatchSize})" };
    private static readonly Option<bool> AutogradOption = new("--autograd") { Description = "always back-propagate, even where the objective offers a closed-form gradient" };
    private static readonly Option<long> SeedOption = new("--seed") { Description = "seed of every random draw in the trial", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> DTypeOption = new("--dtype") { Description = "float32 or float64", DefaultValueFactory = _ => "float32" };
    private static readonly Option<string> DeviceOption = new("--device") { Description = "cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
    private static readonly Option<string> TargetOption = new("--target") { Description = $"record steps, samples and training seconds to first reach a metric value: {TrialTarget.Syntax}" };
    private static readonly Option<string> TargetModeOption = new("--target-mode") { Description = "max (reached at >= value) or min (at <=); default: from the metric's name (accuracy: max, loss: min)" };
    private static readonly Option<bool> StopAtTargetOption = new("--stop-at-target") { Description = "end the trial (finished) at the evaluation that first reaches --target" };
    private static readonly Option<string> OutOption = new("--out") { Description = "write result.json, history.csv and pictures to this directory" };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "print the result as one JSON object" };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("trial", "run one trial: optimizer x objective (x dataset) x hyperparameters x seed")
        {
            OptimizerOption, HpOption, ObjectiveOption, ObjectiveArgOption, StartOption, DatasetOption, DatasetArgOption, ScheduleOption, ScheduleArgOption,
            StepsOption, EpochsOption, BatchSizeOption, RecordEveryOption, EvalEveryOption, EvalBatchSizeOption, AutogradOption, SeedOption, DTypeOption, DeviceOption,
            TargetOption, TargetModeOption, StopAtTargetOption, OutOption, JsonOption,
        };
        foreach (var option in TrialTracking.Options)
        {
            command.Options.Add(option); // tracking: --tracking-uri, --experiment, --no-track (Tracking/TrialTracking.cs)
        }

        foreach (var option in WorkerOptions.All)
        {
            command.Options.Add(option); // where the trial runs: --in-process, --trial-timeout, --threads-per-trial
        }

        // Task.Run: System.CommandLine installs its Ctrl-C handler only once the action has returned its task.
        command.SetAction((result, cancellation) => Task.Run(() => Execute(console, result, cancellation), CancellationToken.None));
        return command;
    }

    private static int Execute(CliConsole console, ParseResult parsed, CancellationToken cancellation)
    {
        var spec = ReadSpec(parsed);
        var timeout = WorkerOptions.Timeout(parsed);
        WorkerOptions.MemoryLimit(parsed); // checked before anything runs, with or without workers
        using var tracking = TrialTracking.Open(console, parsed);
        // The worker loads its plugins while this process loads its own and checks the trial.
        using var workers = parsed.GetValue(WorkerOptions.InProcess) ? null : new WorkerPool(WorkerLaunches.For(parsed, WorkerOptions.Threads(parsed, 1)));
        using var worker = workers is null ? null : new WorkerSlot(workers, Engine.Data.DataLocationsResolver.Resolve(parsed.GetValue(GlobalOptions.DataDir), parsed.GetValue(GlobalOptions.Offline)));
        worker?.Warm();
        using var host = EngineHost.Start(console, parsed, WorkerOptions.Threads(parsed, 1)); // the threads a trial of this process gets with --in-process
        var trial = TrialResolver.Resolve(spec, host.Catalog);
        OptimizerCreationCheck.Check([trial]);
        ITrialSlot slot = worker is null ? new InProcessSlot(host.Runner) : worker;
        var attempt = slot.Run(trial, TrialIdentity.Hash(trial), tracking.Start(trial), timeout is null ? null : TrialTimeLimit.CommandLine(timeout.Value), cancellation);
        if (attempt.Failure == FailureKind.Setup)
        {
            // The input cannot be used (a missing data file, say): a usage error, as before the trial ran in a worker.
            throw new TrialSetupException(attempt.SetupMessage ?? attempt.Result.Error ?? "the trial could not be set up");
        }

        var result = attempt.Result;
        string? outDirectory = parsed.GetValue(OutOption);
        var report = tracking.Finish(trial, result, TrialReport.From(trial, result), host.Services, outDirectory, attempt.WorkerOutput);

        if (parsed.GetValue(JsonOption))
        {
            console.Out.WriteLine(Json.Write(report));
        }
        else
        {
            WriteSummary(console, trial, result, report);
        }

        if (outDirectory is not null)
        {
            var files = tracking.WrittenFiles ?? TrialTracking.WriteFiles(outDirectory, trial, result, host.Services, attempt.WorkerOutput);
            console.Error.WriteLine($"wrote {string.Join(", ", files.Select(Path.GetFileName))} to {Path.GetFullPath(outDirectory)}");
        }

        return result.Status switch
        {
            TrialStatus.Failed => ExitCodes.Failed,
            TrialStatus.Killed => ExitCodes.Interrupted,
            _ => ExitCodes.Ok,
        };
    }

    /// <summary>The trial as the command line describes it; problems with the arguments themselves throw together.</summary>
    public static TrialSpec ReadSpec(ParseResult parsed)
    {
        var errors = new List<string>();
        var hyperparameters = KeyValueArguments.Parse("--hp", parsed.GetValue(HpOption), errors);
        var objectiveArgs = KeyValueArguments.Parse("--objective-arg", parsed.GetValue(ObjectiveArgOption), errors);
        var datasetArgs = KeyValueArguments.Parse("--dataset-arg", parsed.GetValue(DatasetArgOption), errors);
        var scheduleArgs = KeyValueArguments.Parse("--schedule-arg", parsed.GetValue(ScheduleArgOption), errors);
        string? schedule = parsed.GetValue(ScheduleOption);
        if (schedule is null && scheduleArgs.Count > 0)
        {
            errors.Add($"--schedule-arg {scheduleArgs.Keys.First()}=... is given without --schedule; name the schedule (see: descent plugins)");
        }
        string? start = parsed.GetValue(StartOption);
        if (start is not null)
        {
            if (objectiveArgs.ContainsKey("start"))
            {
                errors.Add("the start point is given twice (--start and --objective-arg start=...); give it once");
            }
            else
            {
                objectiveArgs["start"] = start;
            }
        }

        var target = ReadTarget(parsed, errors);
        if (errors.Count > 0)
        {
            throw new TrialConfigurationException(errors.Select(e => new ConfigurationProblem(e)).ToArray());
        }

        return new TrialSpec
        {
            Optimizer = parsed.GetValue(OptimizerOption)!,
            Hyperparameters = hyperparameters,
            Objective = parsed.GetValue(ObjectiveOption)!,
            ObjectiveArgs = objectiveArgs,
            Dataset = parsed.GetValue(DatasetOption),
            DatasetArgs = datasetArgs,
            Schedule = schedule,
            ScheduleArgs = scheduleArgs,
            Training = new TrainingSettings(
                parsed.GetValue(StepsOption),
                parsed.GetValue(EpochsOption),
                parsed.GetValue(BatchSizeOption),
                parsed.GetValue(RecordEveryOption),
                parsed.GetValue(AutogradOption))
            {
                EvalEvery = parsed.GetValue(EvalEveryOption),
                EvalBatchSize = parsed.GetValue(EvalBatchSizeOption),
            },
            Seed = parsed.GetValue(SeedOption),
            DType = parsed.GetValue(DTypeOption)!,
            Device = parsed.GetValue(DeviceOption)!,
            Target = target,
        };
    }

    private static TrialTarget? ReadTarget(ParseResult parsed, List<string> errors)
    {
        string? text = parsed.GetValue(TargetOption);
        string? mode = parsed.GetValue(TargetModeOption);
        bool stop = parsed.GetValue(StopAtTargetOption);
        if (text is null)
        {
            if (mode is not null || stop)
            {
                errors.Add($"{(stop ? "--stop-at-target" : "--target-mode")} is given without --target; give the target as --target {TrialTarget.Syntax}");
            }

            return null;
        }

        var target = TrialTarget.Parse(text, mode, stop, out string? error);
        if (error is not null)
        {
            errors.Add(error);
        }

        return target;
    }

    private static void WriteSummary(CliConsole console, ResolvedTrial trial, TrialResult result, TrialReport report)
    {
        var o = console.Out;
        o.WriteLine($"trial   {Runs.Files.TrialFiles.Title(trial)}");
        o.WriteLine($"        {trial.DTypeName}, seed {trial.Seed}, device {trial.Device}");
        string progress = trial.UsesData
            ? $"{result.EpochSeconds.Count} epochs ({result.Steps} steps, {result.Samples} samples)"
            : $"{result.Steps} steps";
        string stopped = result.StoppedAtTarget ? " (stopped at target)" : "";
        o.WriteLine($"status  {report.Status}{stopped} after {progress} in {result.WallSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        if (result.Error is not null)
        {
            o.WriteLine($"error   {result.Error}");
        }

        if (result.FinalParams.Count is > 0 and <= 12)
        {
            var values = report.ParamNames.Zip(result.FinalParams, (n, v) => $"{n} {v.ToString("F6", CultureInfo.InvariantCulture)}");
            o.WriteLine($"final   {string.Join(", ", values)}");
        }
        else if (report.ParameterCount > 12 && report.FinalParamsSha256 is { } sha)
        {
            // A model's millions of values are no console line: their count and digest, the values in --json (up to 10,000).
            o.WriteLine($"final   {report.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)} parameters, SHA-256 {sha}");
        }

        string perEpoch = result.SecondsPerEpoch is { } s ? $", {s.ToString("F6", CultureInfo.InvariantCulture)} sec per epoch" : "";
        o.WriteLine($"loss    {result.FinalLoss.ToString("F6", CultureInfo.InvariantCulture)}{perEpoch}");
        if (report.Final is { } final)
        {
            string F(double? v) => v is { } x ? x.ToString("F4", CultureInfo.InvariantCulture) : "-";
            o.WriteLine($"test    accuracy {F(final.TestAccuracy)}, loss {F(final.TestLoss)}; valid accuracy {F(final.ValidAccuracy)}, loss {F(final.ValidLoss)}");
        }

        if (trial.Target is { } target)
        {
            o.WriteLine($"target  {TargetSummary.Describe(target, result.TimeToTarget, result.StoppedAtTarget)}");
        }
    }
}
