using System.Globalization;
using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Tracking.Model;

namespace Descent.Tracking.Trials;

/// <summary>
/// How a trial maps onto an MLflow run. Params keep the same keys in every trial of a kind, so MLflow's
/// parallel-coordinates view lines them up: optimizer hyperparameters under their PyTorch names
/// (<c>lr</c>, <c>momentum</c>, <c>betas</c>), the objective's and dataset's options as
/// <c>objective.NAME</c> and <c>dataset.NAME</c>, then the ids and versions, training settings, seed and
/// dtype. Metrics: <see cref="Loss"/> with step = samples seen (iteration for analytic objectives), for
/// 1-D and 2-D objectives the coordinates under <c>trajectory/</c>, then summaries.
/// </summary>
public static class TrialRecords
{
    /// <summary>The loss history.</summary>
    public const string Loss = "loss";

    /// <summary>Fractional epoch at each recorded point (data objectives).</summary>
    public const string Epoch = "epoch";

    /// <summary>Wall time of each epoch, step = epoch number.</summary>
    public const string EpochSeconds = "epoch_seconds";

    /// <summary>Mean seconds per epoch.</summary>
    public const string SecondsPerEpoch = "seconds_per_epoch";

    /// <summary>The last recorded loss.</summary>
    public const string FinalLoss = "final_loss";

    /// <summary>Wall time of the training loop.</summary>
    public const string WallSeconds = "wall_seconds";

    /// <summary>Prefix of the coordinate metrics (one chart section in the MLflow UI).</summary>
    public const string TrajectoryPrefix = "trajectory/";

    /// <summary>Keys Descent sets itself; an optimizer hyperparameter with one of these names is logged as <c>optimizer.NAME</c>.</summary>
    public static IReadOnlySet<string> ReservedParams { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "optimizer", "optimizer.version", "objective", "objective.version", "dataset", "dataset.version",
        "steps", "epochs", "batch_size", "record_every", "autograd", "seed", "dtype",
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
            list.Add(new Param(MlflowKeys.Sanitize(ReservedParams.Contains(name) ? $"optimizer.{name}" : name), value));
        }

        foreach (var (name, value) in trial.Objective.Options.Values)
        {
            list.Add(new Param(MlflowKeys.Sanitize($"objective.{name}"), value));
        }

        foreach (var (name, value) in trial.Dataset?.Options.Values ?? [])
        {
            list.Add(new Param(MlflowKeys.Sanitize($"dataset.{name}"), value));
        }

        list.Add(new Param("optimizer", trial.Optimizer.Id));
        list.Add(new Param("optimizer.version", trial.Optimizer.Plugin.Version));
        list.Add(new Param("objective", trial.Objective.Id));
        list.Add(new Param("objective.version", trial.Objective.Plugin.Version));
        if (trial.Dataset is { } dataset)
        {
            list.Add(new Param("dataset", dataset.Id));
            list.Add(new Param("dataset.version", dataset.Plugin.Version));
        }

        var t = trial.Training;
        Add(list, "steps", t.Steps);
        Add(list, "epochs", t.Epochs);
        Add(list, "batch_size", t.BatchSize);
        if (trial.UsesData)
        {
            Add(list, "record_every", t.RecordEvery);
            list.Add(new Param("autograd", t.Autograd ? "true" : "false"));
        }

        list.Add(new Param("seed", trial.Seed.ToString(CultureInfo.InvariantCulture)));
        list.Add(new Param("dtype", trial.DTypeName));
        return list.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.First()).ToArray();
    }

    /// <summary>The trial's own tags: its hash, each plugin's version and assembly SHA-256, and the device.</summary>
    public static IReadOnlyList<RunTag> Tags(ResolvedTrial trial)
    {
        var tags = new List<RunTag>
        {
            new(DescentTags.TrialHash, TrialIdentity.Hash(trial)),
            new(DescentTags.Device, trial.Device),
        };
        foreach (var (role, component) in Components(trial))
        {
            tags.Add(new RunTag(DescentTags.PluginVersion(role), component.Plugin.Version));
            tags.Add(new RunTag(DescentTags.PluginSha256(role), component.Plugin.AssemblySha256));
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

        var tags = new List<RunTag> { new("descent.dataset.rows", dataset.Rows.ToString(CultureInfo.InvariantCulture)) };
        if (dataset.Source is { } source)
        {
            tags.Add(new RunTag("descent.dataset.source", TrackingUri.Scrub(source)));
        }

        if (dataset.Sha256 is { } sha)
        {
            tags.Add(new RunTag("descent.dataset.file_sha256", sha));
        }

        return tags;
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
            .Select(name => MlflowKeys.Sanitize(TrajectoryPrefix + name))
            .ToArray();
    }

    private static IEnumerable<(string Role, ResolvedComponent Component)> Components(ResolvedTrial trial)
    {
        yield return ("optimizer", trial.Optimizer);
        yield return ("objective", trial.Objective);
        if (trial.Dataset is { } dataset)
        {
            yield return ("dataset", dataset);
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
