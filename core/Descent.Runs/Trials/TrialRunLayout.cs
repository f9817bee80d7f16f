using System.Globalization;
using Descent.Contracts;
using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Tracking;
using Descent.Tracking.Model;
using P = Descent.Runs.RunKeys.Params;

namespace Descent.Runs.Trials;

/// <summary>
/// How a trial maps onto an MLflow run, written and read here (the keys are <see cref="RunKeys"/>). Params keep the same keys in every trial of a kind, so MLflow's
/// parallel-coordinates view lines them up: optimizer hyperparameters under their PyTorch names
/// (<c>lr</c>, <c>momentum</c>, <c>betas</c>), the objective's and dataset's options as
/// <c>objective.NAME</c>, <c>dataset.NAME</c> and <c>schedule.NAME</c>, then the ids and versions, training settings, seed and
/// dtype. Metrics: <see cref="RunKeys.Metrics.Loss"/> with step = samples seen (iteration for analytic objectives), under a
/// schedule <see cref="RunKeys.Metrics.LearningRate"/> at the same steps, for
/// 1-D and 2-D objectives the coordinates under <c>trajectory/</c>, then summaries.
/// </summary>
public static partial class TrialRunLayout
{
    /// <summary>Keys Descent sets itself; an optimizer hyperparameter with one of these names is logged as <c>optimizer.NAME</c>.</summary>
    public static IReadOnlySet<string> ReservedParams { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        P.Optimizer, P.OptimizerVersion, P.Objective, P.ObjectiveVersion, P.Dataset, P.DatasetVersion, P.Schedule, P.ScheduleVersion,
        P.Steps, P.Epochs, P.BatchSize, P.RecordEvery, P.Autograd, P.Seed, P.DType, P.EvalEvery, P.EvalBatchSize,
        P.TargetMetric, P.TargetValue, P.TargetMode, P.TargetStop,
    };

    /// <summary>The default run name: <c>optimizer-objective[-dataset]-seedN</c>.</summary>
    public static string RunName(ResolvedTrial trial) =>
        $"{trial.Optimizer.Id}-{trial.Objective.Id}{(trial.Dataset is null ? "" : $"-{trial.Dataset.Id}")}-seed{trial.Seed.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every param of the trial, in a fixed order.</summary>
    public static IReadOnlyList<Param> Params(ResolvedTrial trial)
    {
        var list = new List<Param>();
        foreach (var (name, value) in trial.Optimizer.Options.Values)
        {
            list.Add(new Param(MlflowKeys.Sanitize(ReservedParams.Contains(name) ? P.OptimizerPrefix + name : name), value));
        }

        foreach (var (name, value) in trial.Objective.Options.Values)
        {
            list.Add(new Param(MlflowKeys.Sanitize(P.ObjectivePrefix + name), value));
        }

        foreach (var (name, value) in trial.Dataset?.Options.Values ?? [])
        {
            list.Add(new Param(MlflowKeys.Sanitize(P.DatasetPrefix + name), value));
        }

        foreach (var (name, value) in trial.Schedule?.Options.Values ?? [])
        {
            list.Add(new Param(MlflowKeys.Sanitize(P.SchedulePrefix + name), value));
        }

        list.Add(new Param(P.Optimizer, trial.Optimizer.Id));
        list.Add(new Param(P.OptimizerVersion, trial.Optimizer.Plugin.Version));
        list.Add(new Param(P.Objective, trial.Objective.Id));
        list.Add(new Param(P.ObjectiveVersion, trial.Objective.Plugin.Version));
        if (trial.Dataset is { } dataset)
        {
            list.Add(new Param(P.Dataset, dataset.Id));
            list.Add(new Param(P.DatasetVersion, dataset.Plugin.Version));
        }

        if (trial.Schedule is { } schedule)
        {
            list.Add(new Param(P.Schedule, schedule.Id));
            list.Add(new Param(P.ScheduleVersion, schedule.Plugin.Version));
        }

        var t = trial.Training;
        Add(list, P.Steps, t.Steps);
        Add(list, P.Epochs, t.Epochs);
        Add(list, P.BatchSize, t.BatchSize);
        if (trial.UsesData)
        {
            Add(list, P.RecordEvery, t.RecordEvery);
            Add(list, P.EvalEvery, t.EvalEvery);
            Add(list, P.EvalBatchSize, t.EvalBatchSize);
            list.Add(new Param(P.Autograd, t.Autograd ? "true" : "false"));
        }

        list.Add(new Param(P.Seed, trial.Seed.ToString(CultureInfo.InvariantCulture)));
        list.Add(new Param(P.DType, trial.DTypeName));
        if (trial.Target is { } target)
        {
            list.Add(new Param(P.TargetMetric, target.Metric));
            list.Add(new Param(P.TargetValue, Engine.Options.ValueFormat.Number(target.Value)));
            list.Add(new Param(P.TargetMode, TrialTarget.ModeName(target.Mode)));
            list.Add(new Param(P.TargetStop, target.Stop ? "true" : "false"));
        }

        return list.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.First()).ToArray();
    }

    /// <summary>The trial's own tags: its hash, each plugin's version and assembly SHA-256, and the device.</summary>
    public static IReadOnlyList<RunTag> Tags(ResolvedTrial trial)
    {
        var tags = new List<RunTag>
        {
            new(RunKeys.Tags.TrialHash, TrialIdentity.Hash(trial)),
            new(RunKeys.Tags.Device, trial.Device),
        };
        foreach (var (role, component) in Components(trial))
        {
            tags.Add(new RunTag(RunKeys.Tags.PluginVersion(role), component.Plugin.Version));
            tags.Add(new RunTag(RunKeys.Tags.PluginSha256(role), component.Plugin.AssemblySha256));
        }

        return tags;
    }

    /// <summary>Where a data trial's rows came from: <c>descent.dataset.rows</c>, <c>.source</c> and <c>.file_sha256</c> (what is known).</summary>
    public static IReadOnlyList<RunTag> DatasetTags(DatasetInfo? dataset)
    {
        if (dataset is null)
        {
            return [];
        }

        var tags = new List<RunTag> { new(RunKeys.Tags.DatasetRows, dataset.Rows.ToString(CultureInfo.InvariantCulture)) };
        if (dataset.Source is { } source)
        {
            tags.Add(new RunTag(RunKeys.Tags.DatasetSource, TrackingUri.Scrub(source)));
        }

        if (dataset.Sha256 is { } sha)
        {
            tags.Add(new RunTag(RunKeys.Tags.DatasetFileSha256, sha));
        }

        return tags;
    }

    /// <summary>The metrics of one evaluation: <c>SPLIT/loss</c> and, when known, <c>SPLIT/accuracy</c>, at step = samples seen.</summary>
    public static IReadOnlyList<(string Key, double Value, long Step)> EvaluationMetrics(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var metrics = new List<(string, double, long)> { (RunKeys.Metrics.SplitMetric(evaluation.Split, "loss"), evaluation.Loss, evaluation.Samples) };
        if (evaluation.Accuracy is { } accuracy)
        {
            metrics.Add((RunKeys.Metrics.SplitMetric(evaluation.Split, "accuracy"), accuracy, evaluation.Samples));
        }

        return metrics;
    }

    /// <summary>The training clock of an evaluation: <c>train_seconds</c> at step = samples seen (one per evaluation time point, not per split).</summary>
    public static (string Key, double Value, long Step) TrainClockMetric(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return (RunKeys.Metrics.TrainSeconds, evaluation.TrainSeconds, evaluation.Samples);
    }

    /// <summary>
    /// The target metrics of a finished trial with a target: <see cref="RunKeys.Metrics.TimeToTargetSteps"/>, <c>/samples</c> and <c>/seconds</c>
    /// when it reached it, and <see cref="RunKeys.Metrics.StoppedAtTarget"/> (1 or 0); none without a target.
    /// </summary>
    public static IReadOnlyList<(string Key, double Value)> TargetMetrics(ResolvedTrial trial, TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(result);
        if (trial.Target is null)
        {
            return [];
        }

        var metrics = new List<(string, double)>();
        if (result.TimeToTarget is { } reached)
        {
            metrics.Add((RunKeys.Metrics.TimeToTargetSteps, reached.Steps));
            metrics.Add((RunKeys.Metrics.TimeToTargetSamples, reached.Samples));
            metrics.Add((RunKeys.Metrics.TimeToTargetSeconds, reached.Seconds));
        }

        metrics.Add((RunKeys.Metrics.StoppedAtTarget, result.StoppedAtTarget ? 1 : 0));
        return metrics;
    }

    /// <summary><c>descent.status</c> for a trial's outcome: <c>finished</c>, <c>diverged</c>, <c>failed</c>, <c>killed</c>.</summary>
    public static string StatusTag(TrialStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The MLflow status for a trial's outcome: a diverged trial is a result (FINISHED, with <c>descent.status = diverged</c>).</summary>
    public static RunStatus RunStatusOf(TrialStatus status) => status switch
    {
        TrialStatus.Finished or TrialStatus.Diverged => RunStatus.Finished,
        TrialStatus.Failed => RunStatus.Failed,
        _ => RunStatus.Killed,
    };

    /// <summary>
    /// The coordinate metric keys for parameters with these names and sizes when they hold 1 or 2 values in
    /// all (a path that can be drawn from MLflow alone), else none: <c>trajectory/x_0</c>, <c>trajectory/x_1</c>.
    /// </summary>
    public static IReadOnlyList<string> TrajectoryKeys(IReadOnlyList<(string Name, long Elements)> parameters)
    {
        if (parameters.Sum(p => p.Elements) is < 1 or > 2)
        {
            return [];
        }

        return parameters
            .SelectMany(p => p.Elements == 1 ? [p.Name] : Enumerable.Range(0, (int)p.Elements).Select(i => $"{p.Name}_{i}"))
            .Select(name => MlflowKeys.Sanitize(RunKeys.Metrics.TrajectoryPrefix + name))
            .ToArray();
    }

    private static IEnumerable<(string Role, ResolvedComponent Component)> Components(ResolvedTrial trial)
    {
        yield return (P.Optimizer, trial.Optimizer);
        yield return (P.Objective, trial.Objective);
        if (trial.Dataset is { } dataset)
        {
            yield return (P.Dataset, dataset);
        }

        if (trial.Schedule is { } schedule)
        {
            yield return (P.Schedule, schedule);
        }
    }

    private static void Add(List<Param> list, string key, int? value)
    {
        if (value is { } v)
        {
            list.Add(new Param(key, v.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
