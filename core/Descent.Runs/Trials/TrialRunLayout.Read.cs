using System.Globalization;
using Descent.Engine.Targets;
using Descent.Engine.Trials;
using Descent.Tracking.Model;
using P = Descent.Runs.RunKeys.Params;

namespace Descent.Runs.Trials;

/// <summary>The reading half: a stored run back into the trial it recorded (reports, resume, <c>descent runs</c>).</summary>
public static partial class TrialRunLayout
{
    /// <summary>
    /// The trial as a run's params record it, the inverse of <see cref="Params"/>: resolving it against the
    /// same plugins gives the same trial (the same <see cref="TrialIdentity.Hash"/>).
    /// </summary>
    public static TrialSpec ReadSpec(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new TrialSpec
        {
            Optimizer = parameters.GetValueOrDefault(P.Optimizer) ?? "",
            Hyperparameters = ReadHyperparameters(parameters).ToDictionary(StringComparer.Ordinal),
            Objective = parameters.GetValueOrDefault(P.Objective) ?? "",
            ObjectiveArgs = Prefixed(parameters, P.ObjectivePrefix, P.ObjectiveVersion),
            Dataset = parameters.GetValueOrDefault(P.Dataset),
            DatasetArgs = Prefixed(parameters, P.DatasetPrefix, P.DatasetVersion),
            Schedule = parameters.GetValueOrDefault(P.Schedule),
            ScheduleArgs = Prefixed(parameters, P.SchedulePrefix, P.ScheduleVersion),
            Training = new TrainingSettings(
                Integer(parameters, P.Steps), Integer(parameters, P.Epochs), Integer(parameters, P.BatchSize), Integer(parameters, P.RecordEvery),
                parameters.GetValueOrDefault(P.Autograd) == "true")
            {
                EvalEvery = Integer(parameters, P.EvalEvery),
                EvalBatchSize = Integer(parameters, P.EvalBatchSize),
            },
            Seed = ReadSeed(parameters),
            DType = parameters.GetValueOrDefault(P.DType) ?? "float64",
            Target = ReadTarget(parameters),
        };
    }

    /// <summary>The trial's target as its params record it (<see cref="RunKeys.Params.TargetMetric"/> and the rest); null for none or an unreadable one.</summary>
    public static TrialTarget? ReadTarget(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!parameters.TryGetValue(P.TargetMetric, out string? metric))
        {
            return null;
        }

        return TrialTarget.Create(metric, parameters.GetValueOrDefault(P.TargetValue), parameters.GetValueOrDefault(P.TargetMode),
            parameters.GetValueOrDefault(P.TargetStop) == "true", out _);
    }

    /// <summary>The optimizer's hyperparameters among a run's params (the rest are Descent's own, the objective's, the dataset's or the schedule's), by name, sorted.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadHyperparameters(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters
            .Where(p => !ReservedParams.Contains(p.Key) &&
                        !p.Key.StartsWith(P.ObjectivePrefix, StringComparison.Ordinal) && !p.Key.StartsWith(P.DatasetPrefix, StringComparison.Ordinal) &&
                        !p.Key.StartsWith(P.SchedulePrefix, StringComparison.Ordinal))
            .Select(p => new KeyValuePair<string, string>(p.Key.StartsWith(P.OptimizerPrefix, StringComparison.Ordinal) ? p.Key[P.OptimizerPrefix.Length..] : p.Key, p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The objective's options among a run's params, by name.</summary>
    public static IReadOnlyDictionary<string, string> ReadObjectiveArgs(IReadOnlyDictionary<string, string> parameters) =>
        Prefixed(parameters, P.ObjectivePrefix, P.ObjectiveVersion);

    /// <summary>The schedule's plugin id, or null for a trial at the optimizer's constant rate.</summary>
    public static string? ReadSchedule(IReadOnlyDictionary<string, string> parameters) => parameters.GetValueOrDefault(P.Schedule);

    /// <summary>The optimizer's plugin id, or null.</summary>
    public static string? ReadOptimizer(IReadOnlyDictionary<string, string> parameters) => parameters.GetValueOrDefault(P.Optimizer);

    /// <summary>The objective's plugin id, or null.</summary>
    public static string? ReadObjective(IReadOnlyDictionary<string, string> parameters) => parameters.GetValueOrDefault(P.Objective);

    /// <summary>The dataset's plugin id, or null for an analytic trial.</summary>
    public static string? ReadDataset(IReadOnlyDictionary<string, string> parameters) => parameters.GetValueOrDefault(P.Dataset);

    /// <summary>True when the params are a trial's (they name an optimizer and an objective).</summary>
    public static bool IsTrial(IReadOnlyDictionary<string, string> parameters) =>
        parameters.ContainsKey(P.Optimizer) && parameters.ContainsKey(P.Objective);

    /// <summary>The seed (0 when not logged).</summary>
    public static long ReadSeed(IReadOnlyDictionary<string, string> parameters) =>
        long.TryParse(parameters.GetValueOrDefault(P.Seed), NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed) ? seed : 0;

    /// <summary>A hyperparameter as a number (<c>lr</c>, say), when logged and numeric.</summary>
    public static double? ReadNumber(IReadOnlyDictionary<string, string> parameters, string hyperparameter) =>
        double.TryParse(parameters.GetValueOrDefault(hyperparameter), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    /// <summary>How the trial ended, from its <see cref="RunKeys.Tags.Status"/> tag; null when the tag is missing or unknown.</summary>
    public static TrialStatus? ReadStatus(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Enum.GetValues<TrialStatus>().Select(s => (TrialStatus?)s).FirstOrDefault(s => StatusTag(s!.Value) == run.Tag(RunKeys.Tags.Status));
    }

    /// <summary>The coordinate metric keys a run holds (<c>trajectory/*</c>), in order.</summary>
    public static IReadOnlyList<string> ReadTrajectoryKeys(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.LatestMetrics.Keys.Where(k => k.StartsWith(RunKeys.Metrics.TrajectoryPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
    }

    private static Dictionary<string, string> Prefixed(IReadOnlyDictionary<string, string> parameters, string prefix, string version) =>
        parameters.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Key != version)
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);

    private static int? Integer(IReadOnlyDictionary<string, string> parameters, string key) =>
        int.TryParse(parameters.GetValueOrDefault(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
