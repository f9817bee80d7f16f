using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Descent.Tracking.Model;

namespace Descent.Tests.Tracking.Fakes;

/// <summary>
/// The state and rules of an MLflow 2.17 tracking server with a SQL backend, as far as Descent uses them
/// (MLFLOW.md sections 1, 2, 3, 5 and 10): error JSON with <c>error_code</c>; <c>RESOURCE_ALREADY_EXISTS</c>
/// for a duplicate experiment; log-batch limits and key rules; immutable params
/// (<c>INVALID_PARAMETER_VALUE</c>); exact duplicate metric points stored once (as the SQL store's primary
/// key does); <c>runs/search</c> answering <c>{}</c> for no match; <c>metrics/get-history</c> answering an
/// empty page with a token that never advances when <c>max_results</c> is missing (the 3.x bug).
/// </summary>
public sealed partial class FakeMlflowBackend
{
    private readonly object gate = new();
    private readonly Dictionary<string, FakeExperiment> experiments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeRun> runs = new(StringComparer.Ordinal);
    private int nextExperiment = 1;

    public FakeMlflowBackend()
    {
        experiments["0"] = new FakeExperiment("0", "Default", "mlflow-artifacts:/0", "active", 0);
    }

    /// <summary>When set, runs keep artifacts in this directory (<c>file:</c> artifact URIs) instead of the proxy.</summary>
    public string? FileArtifactRoot { get; set; }

    /// <summary>Duplicate metric points that arrived and were folded into one (replays).</summary>
    public int DuplicateMetricPoints { get; private set; }

    public IReadOnlyList<FakeExperiment> Experiments
    {
        get
        {
            lock (gate)
            {
                return experiments.Values.ToArray();
            }
        }
    }

    public IReadOnlyList<FakeRun> Runs
    {
        get
        {
            lock (gate)
            {
                return runs.Values.ToArray();
            }
        }
    }

    /// <summary>Creates an experiment as another client would.</summary>
    public string CreateExperiment(string name)
    {
        lock (gate)
        {
            string id = (nextExperiment++).ToString(CultureInfo.InvariantCulture);
            experiments[id] = new FakeExperiment(id, name, FileArtifactRoot is null ? $"mlflow-artifacts:/{id}" : new Uri(Path.Combine(FileArtifactRoot, id)).AbsoluteUri, "active", 1);
            return id;
        }
    }

    public void DeleteExperiment(string id)
    {
        lock (gate)
        {
            experiments[id] = experiments[id] with { LifecycleStage = "deleted" };
        }
    }

    /// <summary>Handles an API call: (status, body, content type).</summary>
    public (int Status, string Body) Handle(string method, string path, IReadOnlyDictionary<string, string[]> query, byte[] body, string? contentType)
    {
        lock (gate)
        {
            try
            {
                return Route(method, path, query, body, contentType);
            }
            catch (ApiError e)
            {
                return (e.Status, new JsonObject { ["error_code"] = e.Code, ["message"] = e.Message }.ToJsonString());
            }
        }
    }

    private (int, string) Route(string method, string path, IReadOnlyDictionary<string, string[]> query, byte[] body, string? contentType)
    {
        const string api = "/api/2.0/mlflow/";
        const string proxy = "/api/2.0/mlflow-artifacts/artifacts/";
        if (path == "/version")
        {
            return (200, "2.17.2");
        }

        if (path == "/health")
        {
            return (200, "OK");
        }

        if (method == "PUT" && path.StartsWith(proxy, StringComparison.Ordinal))
        {
            return UploadArtifact(Uri.UnescapeDataString(path[proxy.Length..]), body);
        }

        if (!path.StartsWith(api, StringComparison.Ordinal))
        {
            return (404, "not found");
        }

        string endpoint = path[api.Length..];
        if (method == "POST")
        {
            if (contentType is null || !contentType.StartsWith("application/json", StringComparison.Ordinal))
            {
                throw new ApiError(400, "BAD_REQUEST", "Content-Type must be application/json");
            }

            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return endpoint switch
            {
                "experiments/create" => CreateExperiment(root),
                "runs/create" => CreateRun(root),
                "runs/update" => UpdateRun(root),
                "runs/log-batch" => LogBatch(root, body.Length),
                "runs/search" => Search(root),
                _ => (404, "not found"),
            };
        }

        return endpoint switch
        {
            "experiments/get-by-name" => GetExperiment(One(query, "experiment_name")),
            "runs/get" => (200, new JsonObject { ["run"] = RunJson(Run(One(query, "run_id"))) }.ToJsonString()),
            "metrics/get-history" => History(query),
            "artifacts/list" => ListArtifacts(One(query, "run_id"), query.TryGetValue("path", out var p) ? p[0] : ""),
            _ => (404, "not found"),
        };
    }

    private (int, string) GetExperiment(string name)
    {
        var experiment = experiments.Values.FirstOrDefault(e => e.Name == name)
            ?? throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", $"Could not find experiment with name '{name}'");
        return (200, new JsonObject { ["experiment"] = ExperimentJson(experiment) }.ToJsonString());
    }

    private (int, string) CreateExperiment(JsonElement root)
    {
        string name = root.GetProperty("name").GetString()!;
        if (experiments.Values.Any(e => e.Name == name))
        {
            throw new ApiError(400, "RESOURCE_ALREADY_EXISTS", $"Experiment(name={name}) already exists.");
        }

        return (200, new JsonObject { ["experiment_id"] = CreateExperiment(name) }.ToJsonString());
    }

    private (int, string) CreateRun(JsonElement root)
    {
        string experimentId = root.GetProperty("experiment_id").GetString()!;
        if (!experiments.TryGetValue(experimentId, out var experiment))
        {
            throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", $"No Experiment with id={experimentId} exists");
        }

        if (experiment.LifecycleStage != "active")
        {
            throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"The experiment {experimentId} must be in the 'active' state.");
        }

        var tags = root.TryGetProperty("tags", out var t) ? t.EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!, x => x.GetProperty("value").GetString()!) : [];
        string runName = root.TryGetProperty("run_name", out var n) ? n.GetString()! : "";
        if (runName.Length > 0 && tags.TryGetValue("mlflow.runName", out string? tagName) && tagName != runName)
        {
            throw new ApiError(400, "INVALID_PARAMETER_VALUE", "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values");
        }

        string id = Guid.NewGuid().ToString("N");
        var run = new FakeRun
        {
            RunId = id,
            ExperimentId = experimentId,
            ArtifactUri = $"{experiment.ArtifactLocation}/{id}/artifacts",
            RunName = runName.Length > 0 ? runName : tags.GetValueOrDefault("mlflow.runName", "bold-cat-123"),
            UserId = root.TryGetProperty("user_id", out var u) ? u.GetString()! : "",
            StartTime = root.TryGetProperty("start_time", out var s) ? s.GetInt64() : 0,
        };
        foreach (var (key, value) in tags)
        {
            run.Tags[key] = value;
        }

        run.Tags["mlflow.runName"] = run.RunName;
        runs[id] = run;
        return (200, new JsonObject { ["run"] = RunJson(run) }.ToJsonString());
    }

    private (int, string) UpdateRun(JsonElement root)
    {
        var run = Run(root.GetProperty("run_id").GetString()!);
        if (root.TryGetProperty("status", out var status))
        {
            run.Status = status.GetString()!;
        }

        if (root.TryGetProperty("end_time", out var end))
        {
            run.EndTime = end.GetInt64();
        }

        return (200, new JsonObject { ["run_info"] = InfoJson(run) }.ToJsonString());
    }

    private (int, string) LogBatch(JsonElement root, int bodyBytes)
    {
        var run = Run(root.GetProperty("run_id").GetString()!);
        var metrics = Items(root, "metrics").Select(m => new Metric(m.GetProperty("key").GetString()!, Number(m.GetProperty("value")), m.GetProperty("timestamp").GetInt64(), m.TryGetProperty("step", out var st) ? st.GetInt64() : 0)).ToArray();
        var parameters = Items(root, "params").Select(p => (Key: p.GetProperty("key").GetString()!, Value: p.GetProperty("value").GetString()!)).ToArray();
        var tags = Items(root, "tags").Select(p => (Key: p.GetProperty("key").GetString()!, Value: p.GetProperty("value").GetString()!)).ToArray();

        if (bodyBytes > 1_000_000 || metrics.Length > 1000 || parameters.Length > 100 || tags.Length > 100 || metrics.Length + parameters.Length + tags.Length > 1000)
        {
            throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"A batch logging request can contain at most 1000 metrics, 100 params, 100 tags, 1000 items and 1 MB; got {metrics.Length}, {parameters.Length}, {tags.Length}, {bodyBytes} bytes");
        }

        foreach (string key in metrics.Select(m => m.Key).Concat(parameters.Select(p => p.Key)).Concat(tags.Select(t => t.Key)))
        {
            if (!KeyPattern().IsMatch(key) || key.Length > 250 || key.StartsWith('/') || key.EndsWith('/') || key.Split('/').Any(s => s is "" or "." or ".."))
            {
                throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Invalid value \"{key}\" for parameter 'key' supplied.");
            }
        }

        if (parameters.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Duplicate parameter keys have been submitted: {twice.Key}");
        }

        foreach (var (key, value) in parameters)
        {
            if (value.Length > 6000)
            {
                throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Param value for '{key}' exceeds 6000 characters");
            }

            if (run.Params.TryGetValue(key, out string? held) && held != value)
            {
                throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Changing param values is not allowed. Param with key='{key}' was already logged with value='{held}' for run ID='{run.RunId}'. Attempted logging new value '{value}'.");
            }
        }

        foreach (var (key, value) in tags)
        {
            if (value.Length > 8000)
            {
                throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Tag value for '{key}' exceeds 8000 characters");
            }
        }

        foreach (var (key, value) in parameters)
        {
            run.Params[key] = value;
        }

        foreach (var metric in metrics)
        {
            if (!run.PointKeys.Add((metric.Key, metric.Timestamp, metric.Step, double.IsNaN(metric.Value) ? long.MinValue : BitConverter.DoubleToInt64Bits(metric.Value))))
            {
                DuplicateMetricPoints++;
            }
            else
            {
                run.Metrics.Add(metric);
            }
        }

        foreach (var (key, value) in tags)
        {
            run.Tags[key] = value;
        }

        return (200, "{}");
    }

    private (int, string) Search(JsonElement root)
    {
        var ids = root.GetProperty("experiment_ids").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        string filter = root.TryGetProperty("filter", out var f) ? f.GetString() ?? "" : "";
        int max = root.TryGetProperty("max_results", out var m) ? m.GetInt32() : 1000;
        int offset = root.TryGetProperty("page_token", out var token) && token.ValueKind == JsonValueKind.String ? int.Parse(token.GetString()!, CultureInfo.InvariantCulture) : 0;
        var conditions = Conditions(filter);
        var matching = runs.Values
            .Where(r => ids.Contains(r.ExperimentId) && conditions.All(c => r.Tags.TryGetValue(c.Key, out string? v) && v == c.Value))
            .OrderByDescending(r => r.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal)
            .ToArray();
        var page = matching.Skip(offset).Take(max).ToArray();
        var answer = new JsonObject();
        if (page.Length > 0)
        {
            answer["runs"] = new JsonArray(page.Select(r => (JsonNode)RunJson(r)).ToArray());
        }

        if (offset + page.Length < matching.Length)
        {
            answer["next_page_token"] = (offset + page.Length).ToString(CultureInfo.InvariantCulture);
        }

        return (200, answer.ToJsonString());
    }

    private (int, string) History(IReadOnlyDictionary<string, string[]> query)
    {
        var run = Run(One(query, "run_id"));
        string key = One(query, "metric_key");
        if (!query.TryGetValue("max_results", out var max))
        {
            // MLflow 3.x without max_results: an empty page and a token that never advances.
            return (200, new JsonObject { ["next_page_token"] = "stuck" }.ToJsonString());
        }

        int size = Math.Min(int.Parse(max[0], CultureInfo.InvariantCulture), 25000);
        int offset = query.TryGetValue("page_token", out var token) ? int.Parse(token[0], CultureInfo.InvariantCulture) : 0;
        var all = run.History(key);
        var page = all.Skip(offset).Take(size).ToArray();
        var answer = new JsonObject();
        if (page.Length > 0)
        {
            answer["metrics"] = new JsonArray(page.Select(m => (JsonNode)MetricJson(m)).ToArray());
        }

        if (offset + page.Length < all.Count)
        {
            answer["next_page_token"] = (offset + page.Length).ToString(CultureInfo.InvariantCulture);
        }

        return (200, answer.ToJsonString());
    }

    private (int, string) UploadArtifact(string path, byte[] body)
    {
        // EXP/RUN/artifacts/REL/PATH
        var parts = path.Split('/', 4);
        if (parts.Length < 4 || parts[2] != "artifacts" || !runs.TryGetValue(parts[1], out var run) || run.ExperimentId != parts[0])
        {
            throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", $"no run artifact root at '{path}'");
        }

        if (parts[3].Split('/').Any(s => s is ".." or "") || parts[3].Contains('#') || parts[3].Contains('\\'))
        {
            throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Invalid path '{parts[3]}'");
        }

        run.Artifacts[parts[3]] = body;
        return (200, "{}");
    }

    private (int, string) ListArtifacts(string runId, string directory)
    {
        var run = Run(runId);
        var prefix = directory.Length == 0 ? "" : directory.TrimEnd('/') + "/";
        IEnumerable<(string Path, bool IsDir, long Size)> files;
        if (FileArtifactRoot is not null && Descent.Tracking.FileStore.LocalFileUri.ToPath(run.ArtifactUri) is { } local)
        {
            string root = Path.Combine(local, directory);
            files = !Directory.Exists(root)
                ? []
                : Directory.EnumerateFileSystemEntries(root).Select(e => (prefix + Path.GetFileName(e), Directory.Exists(e), Directory.Exists(e) ? 0L : new FileInfo(e).Length));
        }
        else
        {
            files = run.Artifacts
                .Where(a => a.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(a => a.Key[prefix.Length..].Split('/', 2))
                .GroupBy(p => p[0])
                .Select(g => (prefix + g.Key, g.First().Length > 1, g.First().Length > 1 ? 0L : run.Artifacts[prefix + g.Key].LongLength));
        }

        var answer = new JsonObject { ["root_uri"] = run.ArtifactUri };
        var list = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        if (list.Length > 0)
        {
            answer["files"] = new JsonArray(list.Select(f =>
            {
                var o = new JsonObject { ["path"] = f.Path, ["is_dir"] = f.IsDir };
                if (!f.IsDir)
                {
                    o["file_size"] = f.Size;
                }

                return (JsonNode)o;
            }).ToArray());
        }

        return (200, answer.ToJsonString());
    }

    private FakeRun Run(string id) =>
        runs.TryGetValue(id, out var run) ? run : throw new ApiError(404, "RESOURCE_DOES_NOT_EXIST", $"Run with id={id} not found");

    private static string One(IReadOnlyDictionary<string, string[]> query, string name) =>
        query.TryGetValue(name, out var values) ? values[0] : throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Missing value for required parameter '{name}'.");

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var items) ? items.EnumerateArray() : [];

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Got invalid value {s} for metric"),
        }
        : value.GetDouble();

    private static List<KeyValuePair<string, string>> Conditions(string filter)
    {
        var conditions = new List<KeyValuePair<string, string>>();
        if (filter.Trim().Length == 0)
        {
            return conditions;
        }

        foreach (string part in Regex.Split(filter, @"\s+AND\s+", RegexOptions.IgnoreCase))
        {
            var match = ConditionPattern().Match(part.Trim());
            if (!match.Success)
            {
                throw new ApiError(400, "INVALID_PARAMETER_VALUE", $"Invalid filter '{filter}'");
            }

            conditions.Add(new(match.Groups["bt"].Success ? match.Groups["bt"].Value : match.Groups["plain"].Value, match.Groups["value"].Value));
        }

        return conditions;
    }

    private static JsonObject ExperimentJson(FakeExperiment e) => new()
    {
        ["experiment_id"] = e.ExperimentId,
        ["name"] = e.Name,
        ["artifact_location"] = e.ArtifactLocation,
        ["lifecycle_stage"] = e.LifecycleStage,
        ["creation_time"] = e.CreationTime,
        ["last_update_time"] = e.CreationTime,
    };

    private static JsonObject InfoJson(FakeRun run)
    {
        var info = new JsonObject
        {
            ["run_id"] = run.RunId,
            ["run_uuid"] = run.RunId,
            ["run_name"] = run.RunName,
            ["experiment_id"] = run.ExperimentId,
            ["user_id"] = run.UserId,
            ["status"] = run.Status,
            ["start_time"] = run.StartTime,
            ["artifact_uri"] = run.ArtifactUri,
            ["lifecycle_stage"] = "active",
        };
        if (run.EndTime is { } end)
        {
            info["end_time"] = end;
        }

        return info;
    }

    private static JsonObject MetricJson(Metric m) => new()
    {
        ["key"] = m.Key,
        ["value"] = double.IsFinite(m.Value) ? JsonValue.Create(m.Value) : JsonValue.Create(double.IsNaN(m.Value) ? "NaN" : m.Value > 0 ? "Infinity" : "-Infinity"),
        ["timestamp"] = m.Timestamp,
        ["step"] = m.Step,
    };

    private static JsonObject RunJson(FakeRun run)
    {
        var data = new JsonObject();
        var latest = run.Metrics.GroupBy(m => m.Key).Select(g => g.MaxBy(m => (m.Step, m.Timestamp, m.Value))).ToArray();
        if (latest.Length > 0)
        {
            data["metrics"] = new JsonArray(latest.Select(m => (JsonNode)MetricJson(m)).ToArray());
        }

        if (run.Params.Count > 0)
        {
            data["params"] = new JsonArray(run.Params.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray());
        }

        if (run.Tags.Count > 0)
        {
            data["tags"] = new JsonArray(run.Tags.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray());
        }

        return new JsonObject { ["info"] = InfoJson(run), ["data"] = data };
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-./ ]+$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^tags\.(?:`(?<bt>[^`]+)`|(?<plain>[A-Za-z0-9_.]+))\s*=\s*'(?<value>[^']*)'$")]
    private static partial Regex ConditionPattern();

    private sealed class ApiError(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public string Code { get; } = code;
    }
}
