using System.Globalization;
using System.Text;
using Descent.Tracking.Model;

namespace Descent.Tracking.FileStore;

/// <summary>
/// The <c>meta.yaml</c> of experiments and runs, field for field as MLflow's FileStore writes them
/// (MLFLOW.md section 6): experiments with <c>artifact_location</c>, times, a quoted <c>experiment_id</c>,
/// <c>lifecycle_stage</c> and <c>name</c>; runs with both <c>run_id</c> and <c>run_uuid</c>, the status as
/// MLflow's number, <c>source_type: 4</c> and <c>tags: []</c>. Replaced atomically, read leniently.
/// </summary>
internal static class MetaFiles
{
    public const string FileName = "meta.yaml";

    public static void WriteExperiment(string directory, Experiment experiment) =>
        ValueFiles.WriteAtomically(Path.Combine(directory, FileName), MetaYaml.Write(
        [
            new("artifact_location", experiment.ArtifactLocation),
            new("creation_time", experiment.CreationTime),
            new("experiment_id", experiment.ExperimentId),
            new("last_update_time", experiment.LastUpdateTime),
            new("lifecycle_stage", experiment.LifecycleStage),
            new("name", experiment.Name),
        ]));

    /// <summary>The experiment in <paramref name="directory"/>, or null when its meta.yaml is missing, malformed or names another id.</summary>
    public static Experiment? ReadExperiment(string directory)
    {
        string file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var meta = MetaYaml.Read(FileRetry.Run(() => File.ReadAllText(file, Encoding.UTF8)));
            string id = Text(meta, "experiment_id") ?? "";
            if (id != Path.GetFileName(directory))
            {
                return null;
            }

            return new Experiment(
                id,
                Text(meta, "name") ?? "",
                Text(meta, "artifact_location") ?? LocalFileUri.FromPath(directory),
                Text(meta, "lifecycle_stage") ?? LifecycleStage.Active,
                Number(meta, "creation_time"),
                Number(meta, "last_update_time"));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The run's <c>meta.yaml</c>: the fields of MLFLOW.md section 6, with both <c>run_id</c> and <c>run_uuid</c>.</summary>
    public static void WriteRun(string directory, RunInfo info) =>
        ValueFiles.WriteAtomically(Path.Combine(directory, FileName), MetaYaml.Write(
        [
            new("artifact_uri", info.ArtifactUri),
            new("end_time", info.EndTime),
            new("entry_point_name", ""),
            new("experiment_id", info.ExperimentId),
            new("lifecycle_stage", info.LifecycleStage),
            new("run_id", info.RunId),
            new("run_name", info.RunName),
            new("run_uuid", info.RunId),
            new("source_name", ""),
            new("source_type", 4L),
            new("source_version", ""),
            new("start_time", info.StartTime),
            new("status", (long)info.Status),
            new("tags", Array.Empty<string>()),
            new("user_id", info.UserId),
        ]));

    /// <summary>The run in <paramref name="directory"/>; MLflow's own fields (<c>deleted_time</c> and the rest) are tolerated.</summary>
    /// <exception cref="FormatException">The file is not a run's meta.yaml.</exception>
    public static RunInfo ReadRun(string directory)
    {
        string file = Path.Combine(directory, FileName);
        var meta = MetaYaml.Read(FileRetry.Run(() => File.ReadAllText(file, Encoding.UTF8)));
        string runId = Text(meta, "run_id") ?? Text(meta, "run_uuid") ?? throw new FormatException($"{file}: no run_id");
        long statusNumber = Number(meta, "status") ?? (long)RunStatus.Running;
        return new RunInfo(
            runId,
            Text(meta, "experiment_id") ?? "",
            Text(meta, "run_name") ?? "",
            Text(meta, "user_id") ?? "",
            Enum.IsDefined((RunStatus)statusNumber) ? (RunStatus)statusNumber : throw new FormatException($"{file}: unknown status {statusNumber}"),
            Number(meta, "start_time") ?? 0,
            Number(meta, "end_time"),
            Text(meta, "artifact_uri") ?? LocalFileUri.FromPath(Path.Combine(directory, "artifacts")),
            Text(meta, "lifecycle_stage") ?? LifecycleStage.Active);
    }

    private static string? Text(IReadOnlyDictionary<string, object?> meta, string key) =>
        meta.TryGetValue(key, out object? value) ? value as string : null;

    private static long? Number(IReadOnlyDictionary<string, object?> meta, string key) =>
        Text(meta, key) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : null;
}
