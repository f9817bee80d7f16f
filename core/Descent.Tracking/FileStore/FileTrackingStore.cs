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
/// Safe for several processes at once, on one machine or several sharing the root: experiment creation is serialised by <see cref="FileStoreLock"/> (a file in the root),
/// metric appends hold an exclusive lock on their file, and other files are replaced atomically.
/// </summary>
public sealed class FileTrackingStore : ITrackingStore
{
    /// <summary>MLflow's default experiment: id <c>0</c>, named <c>Default</c>.</summary>
    public const string DefaultExperimentId = "0";

    private const string Trash = ".trash";
    private static readonly string[] ReservedExperimentFolders = ["tags", "datasets", "traces"];
    private static readonly string[] NotExperiments = [Trash, "models"];

    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, string> runDirectories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTime Written, RunInfo Info)> runInfos = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Holds the store's own lock (<see cref="FileStoreLock"/>, in the root, so processes on every node that shares
    /// the store take the same one) until disposed: for a caller's check-then-create that processes must not
    /// interleave, such as electing a sweep's parent run. Do not create experiments while holding it.
    /// </summary>
    public IDisposable Lock()
    {
        EnsureRoot();
        return FileStoreLock.Acquire(Root);
    }

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
            var experiment = MetaFiles.ReadExperiment(directory);
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
        return directory is null ? null : MetaFiles.ReadExperiment(directory);
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
        WriteRunInfo(directory, info);
        Directory.CreateDirectory(Path.Combine(directory, "metrics"));
        Directory.CreateDirectory(Path.Combine(directory, "params"));
        Directory.CreateDirectory(Path.Combine(directory, "artifacts"));
        runDirectories[runId] = directory;
        foreach (var tag in creation.AllTags())
        {
            ValueFiles.Write(Path.Combine(directory, "tags", Relative(tag.Key)), MlflowKeys.TagValue(tag.Value), FileMode.Create);
        }

        return Task.FromResult(info);
    }

    /// <inheritdoc />
    public Task<Run> GetRunAsync(string runId, CancellationToken cancellation = default) =>
        Task.FromResult(ReadRun(RunDirectory(runId), RunInfoIn(RunDirectory(runId))));

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        string directory = RunDirectory(runId);
        var info = RunInfoIn(directory);
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

            ValueFiles.Append(Path.Combine(directory, "metrics", Relative(group.Key)), lines.ToString());
        }

        foreach (var tag in batch.Tags)
        {
            ValueFiles.Write(Path.Combine(directory, "tags", Relative(tag.Key)), tag.Value, FileMode.Create);
            if (tag.Key == MlflowTags.RunName)
            {
                WriteRunInfo(directory, RunInfoIn(directory) with { RunName = tag.Value });
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellation = default)
    {
        string directory = RunDirectory(runId);
        var info = RunInfoIn(directory) with { Status = status, EndTime = endTime };
        WriteRunInfo(directory, info);
        return Task.FromResult(info);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Run>> SearchRunsAsync(string experimentId, RunFilter filter, CancellationToken cancellation = default) =>
        Task.FromResult(SearchRuns(experimentId, filter));

    /// <inheritdoc />
    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellation = default)
    {
        string file = Path.Combine(RunDirectory(runId), "metrics", Relative(key));
        IReadOnlyList<Metric> history = File.Exists(file) ? ValueFiles.ReadMetricHistory(key, file) : [];
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
            if (File.Exists(Path.Combine(candidate, MetaFiles.FileName)))
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
            if (ReservedExperimentFolders.Contains(Path.GetFileName(runDirectory)) || !File.Exists(Path.Combine(runDirectory, MetaFiles.FileName)))
            {
                continue;
            }

            RunInfo info;
            try
            {
                info = MetaFiles.ReadRun(runDirectory);
            }
            catch (FormatException)
            {
                continue;
            }

            if (info.LifecycleStage != LifecycleStage.Active || info.ExperimentId != experimentId)
            {
                continue;
            }

            if (filter.Matches(key => ValueFiles.ReadOne(Path.Combine(runDirectory, "tags", Relative(key)))))
            {
                runDirectories[info.RunId] = runDirectory;
                runs.Add(ReadRun(runDirectory, info));
            }
        }

        return runs.OrderByDescending(r => r.Info.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal).ToArray();
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
                var history = ValueFiles.ReadMetricHistory(key, file);
                if (history.Count > 0)
                {
                    latest[key] = history.MaxBy(m => (m.Step, m.Timestamp, m.Value));
                }
            }
        }

        return new Run(info, ValueFiles.ReadAll(Path.Combine(directory, "params")), ValueFiles.ReadAll(Path.Combine(directory, "tags")), latest);
    }

    private static void LogParam(string directory, string runId, Param param)
    {
        string file = Path.Combine(directory, "params", Relative(param.Key));
        try
        {
            // CreateNew: a param is written once; an existing file means it was logged before.
            ValueFiles.Write(file, param.Value, FileMode.CreateNew);
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
        MetaFiles.WriteExperiment(directory, experiment);
        return experiment;
    }

    /// <summary>Creates the root, the <c>Default</c> experiment <c>0</c> and <c>.trash</c>, as MLflow does for a new root.</summary>
    private void EnsureRoot()
    {
        if (File.Exists(Path.Combine(Root, DefaultExperimentId, MetaFiles.FileName)) && Directory.Exists(Path.Combine(Root, Trash)))
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

    /// <summary>The run's meta.yaml, parsed again only when the file changed since this store last read or wrote it.</summary>
    private RunInfo RunInfoIn(string directory)
    {
        string file = Path.Combine(directory, MetaFiles.FileName);
        var written = File.GetLastWriteTimeUtc(file);
        if (runInfos.TryGetValue(directory, out var cached) && cached.Written == written)
        {
            return cached.Info;
        }

        var info = MetaFiles.ReadRun(directory);
        runInfos[directory] = (written, info);
        return info;
    }

    private void WriteRunInfo(string directory, RunInfo info)
    {
        MetaFiles.WriteRun(directory, info);
        runInfos[directory] = (File.GetLastWriteTimeUtc(Path.Combine(directory, MetaFiles.FileName)), info);
    }

    private static string Relative(string key) => key.Replace('/', Path.DirectorySeparatorChar);

    private static void ValidateExperimentName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MlflowLimits.ExperimentNameLength)
        {
            throw new MlflowApiException(400, MlflowErrorCodes.InvalidParameterValue,
                $"invalid experiment name '{name}': give 1 to {MlflowLimits.ExperimentNameLength} characters");
        }
    }
}
