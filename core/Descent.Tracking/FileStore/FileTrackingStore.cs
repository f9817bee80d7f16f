using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Tracking.FileStore;

/// <summary>
/// MLflow's FileStore layout (MLFLOW.md section 6), written field for field so that <c>mlflow ui</c>
/// opens it (MLflow 2.x; 3.x with <c>MLFLOW_ALLOW_FILE_STORE=true</c>):
/// <code>
/// ROOT/.trash/                  ROOT/0/meta.yaml (Default)
/// ROOT/EXP/meta.yaml            ROOT/EXP/RUN/meta.yaml
/// ROOT/EXP/RUN/metrics/KEY      lines "timestamp value step"
/// ROOT/EXP/RUN/params/KEY       ROOT/EXP/RUN/tags/KEY   (raw value, no newline)
/// ROOT/EXP/RUN/artifacts/
/// </code>
/// Safe for several processes at once: experiment creation is serialised by <see cref="FileStoreLock"/>,
/// metric appends hold an exclusive lock on their file, and other files are replaced atomically.
/// </summary>
public sealed class FileTrackingStore : ITrackingStore
{
    /// <summary>MLflow's default experiment: id <c>0</c>, named <c>Default</c>.</summary>
    public const string DefaultExperimentId = "0";

    private const string Trash = ".trash";
    private const string Meta = "meta.yaml";
    private static readonly string[] ReservedExperimentFolders = ["tags", "datasets", "traces"];
    private static readonly string[] NotExperiments = [Trash, "models"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, string> runDirectories = new(StringComparer.Ordinal);

    /// <summary>A store over <paramref name="root"/> (created on the first write).</summary>
    public FileTrackingStore(string root, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>The root directory (absolute).</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Location => LocalFileUri.FromPath(Root);

    /// <summary>True when the root exists (nothing was ever written there otherwise).</summary>
    public bool Exists => Directory.Exists(Root);

    /// <inheritdoc />
    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellation = default) =>
        Task.FromResult(FindExperiment(name));

    /// <inheritdoc />
    public Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellation = default)
    {
        ValidateExperimentName(name);
        EnsureRoot();
        using var rootLock = FileStoreLock.Acquire(Root);
        var existing = FindExperiment(name);
        if (existing is not null)
        {
            return existing.IsActive
                ? Task.FromResult(existing)
                : throw new MlflowApiException(400, MlflowErrorCodes.ResourceAlreadyExists,
                    $"experiment '{name}' exists in the deleted state (id {existing.ExperimentId} in {Path.Combine(Root, Trash)}); restore it or choose another name");
        }

        string id;
        do
        {
            id = Random.Shared.NextInt64(100_000_000_000_000_000, 1_000_000_000_000_000_000).ToString(CultureInfo.InvariantCulture);
        }
        while (Directory.Exists(Path.Combine(Root, id)) || Directory.Exists(Path.Combine(Root, Trash, id)));

        return Task.FromResult(CreateExperiment(id, name));
    }

    /// <summary>Every experiment in the store, active ones first, then deleted ones; malformed ones are skipped.</summary>
    public IReadOnlyList<Experiment> ListExperiments(bool includeDeleted = false)
    {
        if (!Exists)
        {
            return [];
        }

        var found = new List<Experiment>();
        foreach (string directory in ExperimentDirectories(includeDeleted))
        {
            var experiment = TryReadExperiment(directory);
            if (experiment is not null)
            {
                found.Add(experiment);
            }
        }

        return found;
    }

    /// <summary>The experiment with this id, or null.</summary>
    public Experiment? GetExperiment(string experimentId)
    {
        string? directory = ExperimentDirectory(experimentId);
        return directory is null ? null : TryReadExperiment(directory);
    }

    /// <inheritdoc />
    public Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var experiment = GetExperiment(creation.ExperimentId)
            ?? throw new MlflowApiException(404, MlflowErrorCodes.ResourceDoesNotExist, $"experiment {creation.ExperimentId} does not exist in {Root}");
        if (!experiment.IsActive)
        {
            throw new MlflowApiException(500, MlflowErrorCodes.InvalidState, $"cannot create a run in deleted experiment {creation.ExperimentId}");
        }

        string runId = Guid.NewGuid().ToString("N");
        string directory = Path.Combine(ExperimentDirectory(creation.ExperimentId)!, runId);
        var info = new RunInfo(
            runId,
            creation.ExperimentId,
            creation.RunName,
            creation.UserId,
            RunStatus.Running,
            creation.StartTime,
            null,
            $"{experiment.ArtifactLocation.TrimEnd('/')}/{runId}/artifacts",
            LifecycleStage.Active);
        Directory.CreateDirectory(directory);
        WriteRunMeta(directory, info);
        Directory.CreateDirectory(Path.Combine(directory, "metrics"));
        Directory.CreateDirectory(Path.Combine(directory, "params"));
        Directory.CreateDirectory(Path.Combine(directory, "artifacts"));
        runDirectories[runId] = directory;
        foreach (var tag in creation.AllTags())
        {
            WriteValue(Path.Combine(directory, "tags"), tag.Key, MlflowKeys.TagValue(tag.Value));
        }

        return Task.FromResult(info);
    }

    /// <inheritdoc />
    public Task<Run> GetRunAsync(string runId, CancellationToken cancellation = default) =>
        Task.FromResult(ReadRun(RunDirectory(runId), ReadRunInfo(RunDirectory(runId))));

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        string directory = RunDirectory(runId);
        var info = ReadRunInfo(directory);
        if (info.LifecycleStage != LifecycleStage.Active)
        {
            throw new MlflowApiException(400, MlflowErrorCodes.InvalidParameterValue, $"run {runId} is deleted; it takes no more records");
        }

        CheckBatch(batch);
        foreach (var param in batch.Params)
        {
            LogParam(directory, runId, param);
        }

        foreach (var group in batch.Metrics.GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            var lines = new StringBuilder();
            foreach (var metric in group)
            {
                lines.Append(MetricLine.Format(metric));
            }

            Append(Path.Combine(directory, "metrics", Relative(group.Key)), lines.ToString());
        }

        foreach (var tag in batch.Tags)
        {
            WriteValue(Path.Combine(directory, "tags"), tag.Key, tag.Value);
            if (tag.Key == MlflowTags.RunName)
            {
                WriteRunMeta(directory, ReadRunInfo(directory) with { RunName = tag.Value });
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellation = default)
    {
        string directory = RunDirectory(runId);
        var info = ReadRunInfo(directory) with { Status = status, EndTime = endTime };
        WriteRunMeta(directory, info);
        return Task.FromResult(info);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Run>> SearchRunsAsync(string experimentId, RunFilter filter, CancellationToken cancellation = default) =>
        Task.FromResult(SearchRuns(experimentId, filter));

    /// <inheritdoc />
    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellation = default)
    {
        string file = Path.Combine(RunDirectory(runId), "metrics", Relative(key));
        IReadOnlyList<Metric> history = File.Exists(file) ? ReadMetricFile(key, file) : [];
        return Task.FromResult(history);
    }

    /// <inheritdoc />
    public Task LogArtifactAsync(RunInfo run, string localFile, string artifactPath, CancellationToken cancellation = default)
    {
        ArtifactPaths.Check(artifactPath);
        string target = Path.Combine(ArtifactDirectory(run), Relative(artifactPath));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(localFile, target, overwrite: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ArtifactFile>> ListArtifactsAsync(RunInfo run, CancellationToken cancellation = default)
    {
        string root = ArtifactDirectory(run);
        IReadOnlyList<ArtifactFile> files = !Directory.Exists(root)
            ? []
            : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => new ArtifactFile(Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), false, new FileInfo(f).Length))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ToArray();
        return Task.FromResult(files);
    }

    /// <summary>
    /// The local directory of a run's artifacts: its <c>artifact_uri</c> when that is a <c>file:</c> URI that
    /// exists here, else <c>artifacts/</c> in the run's directory (a store copied from another machine).
    /// </summary>
    public string ArtifactDirectory(RunInfo run)
    {
        string? path = LocalFileUri.ToPath(run.ArtifactUri);
        if (path is not null && Directory.Exists(path))
        {
            return path;
        }

        return Path.Combine(RunDirectory(run.RunId), "artifacts");
    }

    /// <summary>The directory of a run.</summary>
    /// <exception cref="MlflowApiException">No such run (<c>RESOURCE_DOES_NOT_EXIST</c>).</exception>
    public string RunDirectory(string runId)
    {
        if (runDirectories.TryGetValue(runId, out string? known) && Directory.Exists(known))
        {
            return known;
        }

        if (runId.Length == 0 || runId.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            throw new MlflowApiException(400, MlflowErrorCodes.InvalidParameterValue, $"invalid run id '{runId}'");
        }

        foreach (string experiment in Exists ? ExperimentDirectories(includeDeleted: true) : [])
        {
            string candidate = Path.Combine(experiment, runId);
            if (File.Exists(Path.Combine(candidate, Meta)))
            {
                runDirectories[runId] = candidate;
                return candidate;
            }
        }

        throw new MlflowApiException(404, MlflowErrorCodes.ResourceDoesNotExist, $"run '{runId}' not found in {Root}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private IReadOnlyList<Run> SearchRuns(string experimentId, RunFilter filter)
    {
        string? directory = ExperimentDirectory(experimentId);
        if (directory is null)
        {
            return [];
        }

        var runs = new List<Run>();
        foreach (string runDirectory in Directory.EnumerateDirectories(directory))
        {
            if (ReservedExperimentFolders.Contains(Path.GetFileName(runDirectory)) || !File.Exists(Path.Combine(runDirectory, Meta)))
            {
                continue;
            }

            RunInfo info;
            try
            {
                info = ReadRunInfo(runDirectory);
            }
            catch (FormatException)
            {
                continue;
            }

            if (info.LifecycleStage != LifecycleStage.Active || info.ExperimentId != experimentId)
            {
                continue;
            }

            if (filter.Matches(key => ReadTag(runDirectory, key)))
            {
                runDirectories[info.RunId] = runDirectory;
                runs.Add(ReadRun(runDirectory, info));
            }
        }

        return runs.OrderByDescending(r => r.Info.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal).ToArray();
    }

    private static string? ReadTag(string runDirectory, string key)
    {
        string file = Path.Combine(runDirectory, "tags", Relative(key));
        return File.Exists(file) ? FileRetry.Run(() => File.ReadAllText(file, Encoding.UTF8)) : null;
    }

    private static Run ReadRun(string directory, RunInfo info)
    {
        var latest = new Dictionary<string, Metric>(StringComparer.Ordinal);
        string metrics = Path.Combine(directory, "metrics");
        if (Directory.Exists(metrics))
        {
            foreach (string file in Directory.EnumerateFiles(metrics, "*", SearchOption.AllDirectories))
            {
                string key = Path.GetRelativePath(metrics, file).Replace(Path.DirectorySeparatorChar, '/');
                var history = ReadMetricFile(key, file);
                if (history.Count > 0)
                {
                    latest[key] = history.MaxBy(m => (m.Step, m.Timestamp, m.Value));
                }
            }
        }

        return new Run(info, ReadValues(Path.Combine(directory, "params")), ReadValues(Path.Combine(directory, "tags")), latest);
    }

    private static List<Metric> ReadMetricFile(string key, string file)
    {
        var lines = FileRetry.Run(() =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        });
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => MetricLine.Parse(key, line)).ToList();
    }

    private static Dictionary<string, string> ReadValues(string directory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return values;
        }

        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (IsTemporary(file))
            {
                continue;
            }

            string key = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            values[key] = FileRetry.Run(() => File.ReadAllText(file, Encoding.UTF8));
        }

        return values;
    }

    private static void LogParam(string directory, string runId, Param param)
    {
        string file = Path.Combine(directory, "params", Relative(param.Key));
        try
        {
            // CreateNew: a param is written once; an existing file means it was logged before.
            WriteValue(file, param.Value, FileMode.CreateNew);
            return;
        }
        catch (IOException) when (File.Exists(file))
        {
            string current = FileRetry.Run(() => File.ReadAllText(file, Encoding.UTF8));
            if (current != param.Value)
            {
                throw new MlflowApiException(400, MlflowErrorCodes.InvalidParameterValue,
                    $"changing param values is not allowed: param '{param.Key}' of run {runId} was logged as '{current}', now '{param.Value}'");
            }
        }
    }

    private static void CheckBatch(LogBatch batch)
    {
        foreach (string key in batch.Metrics.Select(m => m.Key).Concat(batch.Params.Select(p => p.Key)).Concat(batch.Tags.Select(t => t.Key)))
        {
            if (!MlflowKeys.IsValid(key))
            {
                throw new MlflowApiException(400, MlflowErrorCodes.InvalidParameterValue, $"invalid key '{key}': use letters, digits, '_', '-', '.', '/' and spaces, as a relative path of at most {MlflowLimits.KeyLength} characters");
            }
        }

        var duplicate = batch.Params.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MlflowApiException(400, MlflowErrorCodes.InvalidParameterValue, $"param '{duplicate.Key}' appears twice in one batch");
        }
    }

    private Experiment? FindExperiment(string name) =>
        ListExperiments(includeDeleted: true).FirstOrDefault(e => e.Name == name);

    private Experiment CreateExperiment(string id, string name)
    {
        string directory = Path.Combine(Root, id);
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var experiment = new Experiment(id, name, LocalFileUri.FromPath(directory), LifecycleStage.Active, now, now);
        Directory.CreateDirectory(directory);
        WriteAtomically(Path.Combine(directory, Meta), MetaYaml.Write(
        [
            new("artifact_location", experiment.ArtifactLocation),
            new("creation_time", now),
            new("experiment_id", id),
            new("last_update_time", now),
            new("lifecycle_stage", LifecycleStage.Active),
            new("name", name),
        ]));
        return experiment;
    }

    /// <summary>Creates the root, the <c>Default</c> experiment <c>0</c> and <c>.trash</c>, as MLflow does for a new root.</summary>
    private void EnsureRoot()
    {
        if (File.Exists(Path.Combine(Root, DefaultExperimentId, Meta)) && Directory.Exists(Path.Combine(Root, Trash)))
        {
            return;
        }

        Directory.CreateDirectory(Root);
        using var rootLock = FileStoreLock.Acquire(Root);
        if (!Directory.Exists(Path.Combine(Root, DefaultExperimentId)) && !Directory.Exists(Path.Combine(Root, Trash, DefaultExperimentId)))
        {
            CreateExperiment(DefaultExperimentId, "Default");
        }

        Directory.CreateDirectory(Path.Combine(Root, Trash));
    }

    private IEnumerable<string> ExperimentDirectories(bool includeDeleted)
    {
        var active = Directory.EnumerateDirectories(Root).Where(d => !NotExperiments.Contains(Path.GetFileName(d)));
        string trash = Path.Combine(Root, Trash);
        return includeDeleted && Directory.Exists(trash) ? active.Concat(Directory.EnumerateDirectories(trash)) : active;
    }

    private string? ExperimentDirectory(string experimentId)
    {
        if (experimentId.Length == 0 || !experimentId.All(char.IsAsciiDigit) || !Exists)
        {
            return null;
        }

        string active = Path.Combine(Root, experimentId);
        if (Directory.Exists(active))
        {
            return active;
        }

        string deleted = Path.Combine(Root, Trash, experimentId);
        return Directory.Exists(deleted) ? deleted : null;
    }

    private static Experiment? TryReadExperiment(string directory)
    {
        string file = Path.Combine(directory, Meta);
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

    private static RunInfo ReadRunInfo(string directory)
    {
        string file = Path.Combine(directory, Meta);
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

    /// <summary>The run's <c>meta.yaml</c>: the fields of MLFLOW.md section 6, with both <c>run_id</c> and <c>run_uuid</c>.</summary>
    private static void WriteRunMeta(string directory, RunInfo info) =>
        WriteAtomically(Path.Combine(directory, Meta), MetaYaml.Write(
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

    private static string? Text(IReadOnlyDictionary<string, object?> meta, string key) =>
        meta.TryGetValue(key, out object? value) ? value as string : null;

    private static long? Number(IReadOnlyDictionary<string, object?> meta, string key) =>
        Text(meta, key) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : null;

    private static string Relative(string key) => key.Replace('/', Path.DirectorySeparatorChar);

    /// <summary>A param or tag file: written in place, as MLflow writes it (only meta.yaml is replaced atomically).</summary>
    private static void WriteValue(string directory, string key, string value) =>
        WriteValue(Path.Combine(directory, Relative(key)), value, FileMode.Create);

    /// <summary>Writes a value file; its directory is created only when missing (one system call less per file in the common case).</summary>
    private static void WriteValue(string file, string value, FileMode mode)
    {
        byte[] bytes = Utf8.GetBytes(value);
        FileRetry.Run(() =>
        {
            try
            {
                using var stream = new FileStream(file, mode, FileAccess.Write, FileShare.Read);
                stream.Write(bytes);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using var stream = new FileStream(file, mode, FileAccess.Write, FileShare.Read);
                stream.Write(bytes);
            }
        });
    }

    private static bool IsTemporary(string file) => Path.GetFileName(file).StartsWith(".tmp-", StringComparison.Ordinal);

    /// <summary>Writes to a temporary file next to <paramref name="file"/> and renames it over the file (atomic on one file system).</summary>
    private static void WriteAtomically(string file, string content)
    {
        string directory = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".tmp-{Guid.NewGuid():N}");
        File.WriteAllText(temporary, content, Utf8);
        FileRetry.Run(() => File.Move(temporary, file, overwrite: true));
    }

    /// <summary>Appends under an exclusive lock, so that appends from several processes never overwrite each other.</summary>
    private static void Append(string file, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        FileRetry.Run(() =>
        {
            using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.None);
            stream.Write(bytes);
        });
    }

    private static void ValidateExperimentName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MlflowLimits.ExperimentNameLength)
        {
            throw new MlflowApiException(400, MlflowErrorCodes.InvalidParameterValue,
                $"invalid experiment name '{name}': give 1 to {MlflowLimits.ExperimentNameLength} characters");
        }
    }
}
