using Descent.Tracking.Model;

namespace Descent.Tracking.Stores;

/// <summary>
/// Where runs are recorded: an MLflow FileStore directory (<see cref="FileStore.FileTrackingStore"/>) or an
/// MLflow tracking server (<see cref="Rest.RestTrackingStore"/>). Both behave like MLflow: params are
/// immutable, tags last-write-wins, experiments unique by name.
/// </summary>
/// <remarks>
/// Failures: <see cref="MlflowApiException"/> when the store refuses a request (never worth repeating),
/// <see cref="TrackingUnavailableException"/> when it cannot be reached within the retry budget, and
/// <see cref="TrackingException"/> for anything else it cannot do.
/// </remarks>
public interface ITrackingStore : IDisposable
{
    /// <summary>Where the store is, for messages: a path or a URI without credentials.</summary>
    string Location { get; }

    /// <summary>The experiment with this name (active or deleted), or null.</summary>
    Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellation = default);

    /// <summary>
    /// The active experiment with this name, created when missing. Safe when another process creates it
    /// at the same moment. A deleted experiment of that name is an error (restore it or pick another name).
    /// </summary>
    Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellation = default);

    /// <summary>
    /// Creates a run tagged with its <see cref="RunCreation.Origin"/>. Over HTTP a retried request may already
    /// have created the run; the REST store then returns that run rather than making a second one.
    /// </summary>
    Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellation = default);

    /// <summary>The run with its params, tags and latest metrics.</summary>
    Task<Run> GetRunAsync(string runId, CancellationToken cancellation = default);

    /// <summary>Logs metrics, params and tags in one request; the batch must respect <see cref="MlflowLimits"/>.</summary>
    Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellation = default);

    /// <summary>Sets the run's status and end time.</summary>
    Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellation = default);

    /// <summary>The experiment's active runs that match <paramref name="filter"/>, newest first (every page).</summary>
    Task<IReadOnlyList<Run>> SearchRunsAsync(string experimentId, RunFilter filter, CancellationToken cancellation = default);

    /// <summary>Every logged point of one metric, in logging order.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellation = default);

    /// <summary>Stores a local file as the run's artifact <paramref name="artifactPath"/> (relative, <c>/</c> separators); overwrites.</summary>
    Task LogArtifactAsync(RunInfo run, string localFile, string artifactPath, CancellationToken cancellation = default);

    /// <summary>The run's artifact files (not directories), recursively, with paths relative to the artifact root.</summary>
    Task<IReadOnlyList<ArtifactFile>> ListArtifactsAsync(RunInfo run, CancellationToken cancellation = default);
}
