using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Descent.Cli.Bench;

/// <summary>
/// A minimal MLflow tracking server on 127.0.0.1 for benchmarks (on <see cref="LoopbackHttpServer"/>): the calls a tracked trial
/// makes (experiments get/create, runs create/update/log-batch, artifact uploads), each answered as MLflow
/// answers it, keeping only counts. Parsing every log-batch body keeps the server's own cost realistic.
/// </summary>
internal sealed class LoopbackMlflowServer : IDisposable
{
    private readonly Dictionary<string, string> experiments = new(StringComparer.Ordinal) { ["Default"] = "0" };
    private readonly object gate = new();
    private readonly LoopbackHttpServer server;
    private long metrics;

    public LoopbackMlflowServer() => server = new LoopbackHttpServer(context =>
    {
        Answer(context);
        return Task.CompletedTask;
    });

    public int Port => server.Port;

    public Uri Uri => server.Uri;

    /// <summary>Metric points received in log-batch requests.</summary>
    public long Metrics => Interlocked.Read(ref metrics);

    /// <summary>Requests answered.</summary>
    public long Requests => server.Requests;

    public void Dispose() => server.Dispose();

    private void Answer(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        context.Request.InputStream.CopyTo(buffer);
        string path = context.Request.Url!.AbsolutePath;
        var (status, body) = Handle(path, context.Request.QueryString["experiment_name"], buffer.ToArray());
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private (int Status, string Body) Handle(string path, string? experimentName, byte[] body)
    {
        const string api = "/api/2.0/mlflow/";
        if (path.StartsWith("/api/2.0/mlflow-artifacts/", StringComparison.Ordinal))
        {
            return (200, "{}");
        }

        switch (path.StartsWith(api, StringComparison.Ordinal) ? path[api.Length..] : path)
        {
            case "experiments/get-by-name":
                lock (gate)
                {
                    return experiments.TryGetValue(experimentName ?? "", out string? id)
                        ? (200, $"{{\"experiment\":{{\"experiment_id\":\"{id}\",\"name\":{JsonSerializer.Serialize(experimentName)},\"artifact_location\":\"mlflow-artifacts:/{id}\",\"lifecycle_stage\":\"active\"}}}}")
                        : (404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"no such experiment\"}");
                }

            case "experiments/create":
                using (var json = JsonDocument.Parse(body))
                {
                    lock (gate)
                    {
                        string name = json.RootElement.GetProperty("name").GetString()!;
                        string id = experiments.Count.ToString(CultureInfo.InvariantCulture);
                        return experiments.TryAdd(name, id)
                            ? (200, $"{{\"experiment_id\":\"{id}\"}}")
                            : (400, "{\"error_code\":\"RESOURCE_ALREADY_EXISTS\",\"message\":\"exists\"}");
                    }
                }

            case "runs/create":
                using (var json = JsonDocument.Parse(body))
                {
                    string experiment = json.RootElement.GetProperty("experiment_id").GetString()!;
                    string run = Guid.NewGuid().ToString("N");
                    return (200, $"{{\"run\":{{\"info\":{{\"run_id\":\"{run}\",\"experiment_id\":\"{experiment}\",\"status\":\"RUNNING\",\"artifact_uri\":\"mlflow-artifacts:/{experiment}/{run}/artifacts\",\"lifecycle_stage\":\"active\"}},\"data\":{{}}}}}}");
                }

            case "runs/log-batch":
                using (var json = JsonDocument.Parse(body))
                {
                    if (json.RootElement.TryGetProperty("metrics", out var points))
                    {
                        Interlocked.Add(ref metrics, points.GetArrayLength());
                    }

                    return (200, "{}");
                }

            case "runs/update":
                using (var json = JsonDocument.Parse(body))
                {
                    var root = json.RootElement;
                    return (200, $"{{\"run_info\":{{\"run_id\":\"{root.GetProperty("run_id").GetString()}\",\"status\":\"{root.GetProperty("status").GetString()}\",\"lifecycle_stage\":\"active\"}}}}");
                }

            case "runs/search":
                return (200, "{}");
            default:
                return (404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"not found\"}");
        }
    }
}
