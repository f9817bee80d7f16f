using System.Net;
using System.Text;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;
using Descent.Tracking.Rest.Wire;
using Descent.Tracking.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Descent.Tracking.Rest;

/// <summary>
/// An MLflow tracking server over its REST API (<c>/api/2.0/mlflow/...</c>, MLFLOW.md sections 1 to 5 and 10),
/// with the retries of <see cref="RetryOptions"/>. Artifacts go through the server's artifact proxy when
/// the run's artifact URI is <c>mlflow-artifacts:</c>, and are copied when it is <c>file:</c>.
/// </summary>
public sealed class RestTrackingStore : ITrackingStore
{
    private readonly MlflowHttpClient client;

    /// <summary>A store for the server at <paramref name="serverBase"/> (no credentials in it).</summary>
    /// <param name="serverBase">The tracking URI, e.g. <c>http://127.0.0.1:5000</c> (a path prefix is kept).</param>
    /// <param name="credentials">Authentication; <see cref="MlflowCredentials.None"/> for none.</param>
    /// <param name="retry">Retry schedule and timeouts; <see cref="RetryOptions.Default"/> is MLflow's.</param>
    /// <param name="logger">Receives one line per retry (never headers or secrets).</param>
    /// <param name="handler">The HTTP handler (tests); null for a pooled <see cref="SocketsHttpHandler"/>.</param>
    public RestTrackingStore(Uri serverBase, MlflowCredentials? credentials = null, RetryOptions? retry = null, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(serverBase);
        if (serverBase.UserInfo.Length > 0)
        {
            throw new ArgumentException("give credentials through MlflowCredentials, not in the server URI", nameof(serverBase));
        }

        client = new MlflowHttpClient(serverBase, credentials ?? MlflowCredentials.None, retry ?? RetryOptions.Default, logger ?? NullLogger.Instance, handler);
    }

    /// <inheritdoc />
    public string Location => client.Location;

    /// <summary>Called when a request meets a connection failure or a timeout and is about to be retried.</summary>
    internal Action? ConnectionTrouble
    {
        get => client.ConnectionTrouble;
        set => client.ConnectionTrouble = value;
    }

    /// <summary>One cheap request without retries (<c>experiments/get-by-name</c>): null when the server answers within <paramref name="timeout"/>, else why not.</summary>
    public Task<string?> ProbeAsync(string experimentName, TimeSpan timeout) => client.ProbeAsync(experimentName, timeout);

    /// <inheritdoc />
    public async Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellation = default)
    {
        try
        {
            var response = await client.GetAsync<GetExperimentResponse>("experiments/get-by-name", [("experiment_name", name)], cancellation).ConfigureAwait(false);
            return response.Experiment is { } e ? ToExperiment(e) : null;
        }
        catch (MlflowApiException e) when (e.ErrorCode == MlflowErrorCodes.ResourceDoesNotExist || e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellation = default)
    {
        var experiment = await GetExperimentByNameAsync(name, cancellation).ConfigureAwait(false);
        if (experiment is null)
        {
            try
            {
                await client.PostAsync<CreateExperimentResponse>("experiments/create", new CreateExperimentRequest(name), cancellation).ConfigureAwait(false);
            }
            catch (MlflowApiException e) when (e.ErrorCode == MlflowErrorCodes.ResourceAlreadyExists)
            {
                // Another process created it first (or this create was a replay): read it.
            }

            experiment = await GetExperimentByNameAsync(name, cancellation).ConfigureAwait(false)
                ?? throw new TrackingException($"experiment '{name}' was created on {Location} but cannot be read back");
        }

        return experiment.IsActive
            ? experiment
            : throw new TrackingException($"experiment '{name}' is deleted on {Location} (id {experiment.ExperimentId}); restore it (mlflow experiments restore) or choose another name");
    }

    /// <inheritdoc />
    /// <remarks>
    /// A replayed <c>runs/create</c> creates a second run (MLFLOW.md section 3), so every attempt after the
    /// first looks for a run with this <see cref="RunCreation.Origin"/> before creating one.
    /// </remarks>
    public async Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var request = new CreateRunRequest(
            creation.ExperimentId,
            creation.UserId,
            creation.RunName,
            creation.StartTime,
            creation.AllTags().Select(t => new KeyValueWire(t.Key, MlflowKeys.TagValue(t.Value))).ToArray());
        var search = new SearchRunsRequest([creation.ExperimentId], RunFilter.Tag(RunOrigin.Tag, creation.Origin).ToMlflowFilter(), 1, null);

        var response = await client.ExecuteAsync<RunResponse>("runs/create", async (attempt, token) =>
        {
            if (attempt > 1)
            {
                var found = await client.SendOnceAsync(HttpMethod.Post, "runs/search", search, [], token).ConfigureAwait(false);
                if (!found.IsSuccessStatusCode)
                {
                    return found;
                }

                var runs = MlflowJson.Deserialize<SearchRunsResponse>(await found.Content.ReadAsStringAsync(token).ConfigureAwait(false));
                found.Dispose();
                if (runs.Runs is [var run, ..])
                {
                    // The lost attempt did create the run: answer as runs/create would have.
                    return new HttpResponseMessage(HttpStatusCode.OK)
                    {
                        Content = new ByteArrayContent(MlflowJson.Serialize(new RunResponse(run))),
                    };
                }
            }

            return await client.SendOnceAsync(HttpMethod.Post, "runs/create", request, [], token).ConfigureAwait(false);
        }, cancellation).ConfigureAwait(false);
        return ToRunInfo(response.Run?.Info ?? throw new TrackingException($"runs/create on {Location} returned no run"));
    }

    /// <inheritdoc />
    public async Task<Run> GetRunAsync(string runId, CancellationToken cancellation = default)
    {
        var response = await client.GetAsync<RunResponse>("runs/get", [("run_id", runId)], cancellation).ConfigureAwait(false);
        return ToRun(response.Run ?? throw new TrackingException($"runs/get on {Location} returned no run for {runId}"));
    }

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var request = new LogBatchRequest(
            runId,
            batch.Metrics.Select(m => new MetricWire(m.Key, m.Value, m.Timestamp, m.Step)).ToArray(),
            batch.Params.Select(p => new KeyValueWire(p.Key, MlflowKeys.ParamValue(p.Value))).ToArray(),
            batch.Tags.Select(t => new KeyValueWire(t.Key, MlflowKeys.TagValue(t.Value))).ToArray());
        return client.PostAsync<Empty>("runs/log-batch", request, cancellation);
    }

    /// <inheritdoc />
    public async Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellation = default)
    {
        var response = await client.PostAsync<UpdateRunResponse>("runs/update", new UpdateRunRequest(runId, RunStatusNames.ToName(status), endTime), cancellation).ConfigureAwait(false);
        var info = response.RunInfo ?? new RunInfoWire();
        return ToRunInfo(info with { RunId = info.RunId ?? info.RunUuid ?? runId, Status = info.Status ?? RunStatusNames.ToName(status), EndTime = info.EndTime ?? endTime });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Run>> SearchRunsAsync(string experimentId, RunFilter filter, CancellationToken cancellation = default)
    {
        var runs = new List<Run>();
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await client.PostAsync<SearchRunsResponse>(
                "runs/search",
                new SearchRunsRequest([experimentId], filter.ToMlflowFilter(), MlflowLimits.SearchPageSize, token),
                cancellation).ConfigureAwait(false);
            runs.AddRange((page.Runs ?? []).Select(ToRun));
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token) && seen.Add(token));

        return runs;
    }

    /// <inheritdoc />
    /// <remarks>Always sends <c>max_results</c>: without it, 3.x servers answer an empty page whose token never advances (MLFLOW.md section 10).</remarks>
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellation = default)
    {
        var points = new List<Metric>();
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var query = new List<(string, string)> { ("run_id", runId), ("metric_key", key), ("max_results", MlflowLimits.HistoryPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (token is not null)
            {
                query.Add(("page_token", token));
            }

            var page = await client.GetAsync<MetricHistoryResponse>("metrics/get-history", query, cancellation).ConfigureAwait(false);
            points.AddRange((page.Metrics ?? []).Select(m => new Metric(m.Key, m.Value, m.Timestamp, m.Step)));
            token = page.NextPageToken;
            if (page.Metrics is null or { Count: 0 })
            {
                break;
            }
        }
        while (!string.IsNullOrEmpty(token) && seen.Add(token));

        return points;
    }

    /// <inheritdoc />
    public async Task LogArtifactAsync(RunInfo run, string localFile, string artifactPath, CancellationToken cancellation = default)
    {
        ArtifactPaths.Check(artifactPath);
        switch (ArtifactRoot.Of(run.ArtifactUri))
        {
            case { Scheme: ArtifactScheme.Proxy, Path: var root }:
                string encoded = string.Join('/', $"{root}/{artifactPath}".Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
                await client.PutArtifactAsync(encoded, localFile, cancellation).ConfigureAwait(false);
                break;
            case { Scheme: ArtifactScheme.File, Path: var directory }:
                string target = Path.Combine(directory, artifactPath.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(localFile, target, overwrite: true);
                break;
            default:
                throw new TrackingException(
                    $"run {run.RunId} keeps artifacts at '{TrackingUri.Scrub(run.ArtifactUri)}', which Descent cannot write to; start the server with its artifact proxy (mlflow-artifacts:) or a file: artifact root");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactFile>> ListArtifactsAsync(RunInfo run, CancellationToken cancellation = default)
    {
        var files = new List<ArtifactFile>();
        var pending = new Queue<string?>([null]);
        while (pending.TryDequeue(out string? directory))
        {
            var query = new List<(string, string)> { ("run_id", run.RunId) };
            if (directory is not null)
            {
                query.Add(("path", directory));
            }

            var page = await client.GetAsync<ListArtifactsResponse>("artifacts/list", query, cancellation).ConfigureAwait(false);
            foreach (var file in page.Files ?? [])
            {
                if (file.Path is null)
                {
                    continue;
                }

                if (file.IsDir)
                {
                    pending.Enqueue(file.Path);
                }
                else
                {
                    files.Add(new ArtifactFile(file.Path, false, file.FileSize));
                }
            }
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    private static Experiment ToExperiment(ExperimentWire e) => new(
        e.ExperimentId ?? "",
        e.Name ?? "",
        e.ArtifactLocation ?? "",
        e.LifecycleStage ?? LifecycleStage.Active,
        e.CreationTime,
        e.LastUpdateTime);

    private static RunInfo ToRunInfo(RunInfoWire info) => new(
        info.RunId ?? info.RunUuid ?? throw new TrackingException("the server returned a run without run_id"),
        info.ExperimentId ?? "",
        info.RunName ?? "",
        info.UserId ?? "",
        info.Status is null ? RunStatus.Running : RunStatusNames.Parse(info.Status),
        info.StartTime ?? 0,
        info.EndTime,
        info.ArtifactUri ?? "",
        info.LifecycleStage ?? LifecycleStage.Active);

    private static Run ToRun(RunWire run)
    {
        var info = ToRunInfo(run.Info ?? throw new TrackingException("the server returned a run without info"));
        var data = run.Data ?? new RunDataWire();
        var tags = (data.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (info.RunName.Length == 0 && tags.TryGetValue(MlflowTags.RunName, out string? name))
        {
            info = info with { RunName = name };
        }

        return new Run(
            info,
            (data.Params ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            tags,
            (data.Metrics ?? []).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Select(m => new Metric(m.Key, m.Value, m.Timestamp, m.Step)).MaxBy(m => (m.Step, m.Timestamp, m.Value)), StringComparer.Ordinal));
    }

    /// <summary>An empty response body (<c>{}</c>).</summary>
    private sealed record Empty;
}
