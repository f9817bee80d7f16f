namespace Descent.Tracking.Rest.Wire;

// The wire records of MLflow's REST API (mlflow/protos/service.proto), kept together: one concept, the JSON.

/// <summary><c>{"error_code": ..., "message": ...}</c>.</summary>
internal sealed record ErrorBody(string? ErrorCode = null, string? Message = null);

/// <summary>An experiment.</summary>
internal sealed record ExperimentWire(
    string? ExperimentId = null,
    string? Name = null,
    string? ArtifactLocation = null,
    string? LifecycleStage = null,
    long? CreationTime = null,
    long? LastUpdateTime = null);

/// <summary><c>experiments/get-by-name</c> response.</summary>
internal sealed record GetExperimentResponse(ExperimentWire? Experiment = null);

/// <summary><c>experiments/create</c> request.</summary>
internal sealed record CreateExperimentRequest(string Name);

/// <summary><c>experiments/create</c> response.</summary>
internal sealed record CreateExperimentResponse(string? ExperimentId = null);

/// <summary>A key and a value (params, tags).</summary>
internal sealed record KeyValueWire(string Key, string Value);

/// <summary>A metric point.</summary>
internal sealed record MetricWire(string Key, double Value, long Timestamp, long Step);

/// <summary>Run metadata.</summary>
internal sealed record RunInfoWire(
    string? RunId = null,
    string? RunUuid = null,
    string? ExperimentId = null,
    string? RunName = null,
    string? UserId = null,
    string? Status = null,
    long? StartTime = null,
    long? EndTime = null,
    string? ArtifactUri = null,
    string? LifecycleStage = null);

/// <summary>Run data.</summary>
internal sealed record RunDataWire(
    IReadOnlyList<MetricWire>? Metrics = null,
    IReadOnlyList<KeyValueWire>? Params = null,
    IReadOnlyList<KeyValueWire>? Tags = null);

/// <summary>A run.</summary>
internal sealed record RunWire(RunInfoWire? Info = null, RunDataWire? Data = null);

/// <summary><c>runs/create</c> and <c>runs/get</c> response.</summary>
internal sealed record RunResponse(RunWire? Run = null);

/// <summary><c>runs/create</c> request.</summary>
internal sealed record CreateRunRequest(string ExperimentId, string UserId, string RunName, long StartTime, IReadOnlyList<KeyValueWire> Tags);

/// <summary><c>runs/update</c> request.</summary>
internal sealed record UpdateRunRequest(string RunId, string Status, long? EndTime);

/// <summary><c>runs/update</c> response.</summary>
internal sealed record UpdateRunResponse(RunInfoWire? RunInfo = null);

/// <summary><c>runs/log-batch</c> request.</summary>
internal sealed record LogBatchRequest(string RunId, IReadOnlyList<MetricWire> Metrics, IReadOnlyList<KeyValueWire> Params, IReadOnlyList<KeyValueWire> Tags);

/// <summary><c>runs/search</c> request.</summary>
internal sealed record SearchRunsRequest(IReadOnlyList<string> ExperimentIds, string Filter, int MaxResults, string? PageToken);

/// <summary><c>runs/search</c> response (<c>{}</c> when nothing matches).</summary>
internal sealed record SearchRunsResponse(IReadOnlyList<RunWire>? Runs = null, string? NextPageToken = null);

/// <summary><c>metrics/get-history</c> response.</summary>
internal sealed record MetricHistoryResponse(IReadOnlyList<MetricWire>? Metrics = null, string? NextPageToken = null);

/// <summary>One entry of <c>artifacts/list</c>.</summary>
internal sealed record FileInfoWire(string? Path = null, bool IsDir = false, long? FileSize = null);

/// <summary><c>artifacts/list</c> response.</summary>
internal sealed record ListArtifactsResponse(string? RootUri = null, IReadOnlyList<FileInfoWire>? Files = null, string? NextPageToken = null);
