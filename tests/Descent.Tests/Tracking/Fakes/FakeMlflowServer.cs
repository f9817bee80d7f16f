using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Descent.Tests.Tracking.Fakes;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that behaves like an MLflow tracking server
/// (<see cref="FakeMlflowBackend"/>), records every request, and misbehaves on demand
/// (<see cref="Inject"/>): error statuses, 429 with <c>Retry-After</c>, slow or lost answers, races,
/// dropped connections. <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and bring it back
/// on the same port (refused connections in between).
/// </summary>
public sealed class FakeMlflowServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeRequest> requests = new();
    private readonly object faultGate = new();
    private readonly List<(string Endpoint, FakeFault Fault)> faults = [];
    private WebApplication? app;

    private readonly X509Certificate2? certificate;

    private FakeMlflowServer(int port, X509Certificate2? certificate = null)
    {
        Port = port;
        this.certificate = certificate;
    }

    public int Port { get; }

    public Uri Uri => new($"{(certificate is null ? "http" : "https")}://127.0.0.1:{Port}");

    public FakeMlflowBackend Backend { get; } = new();

    /// <summary>When set, requests without this exact <c>Authorization</c> value get a plain-text 401.</summary>
    public string? RequiredAuthorization { get; set; }

    public IReadOnlyList<FakeRequest> Requests => requests.ToArray();

    /// <summary>A server listening on a free port; over HTTPS with <paramref name="certificate"/> when given.</summary>
    public static async Task<FakeMlflowServer> StartNewAsync(X509Certificate2? certificate = null)
    {
        var server = new FakeMlflowServer(FreePort(), certificate);
        await server.StartAsync();
        return server;
    }

    /// <summary>A server that is not listening yet (its port refuses connections until <see cref="StartAsync"/>).</summary>
    public static FakeMlflowServer CreateStopped() => new(FreePort());

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            o.Limits.MaxRequestBodySize = 16_000_000;
        });
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    /// <summary>The next <paramref name="times"/> requests whose path ends with <paramref name="endpoint"/> get <paramref name="fault"/>.</summary>
    public void Inject(string endpoint, FakeFault fault, int times = 1)
    {
        lock (faultGate)
        {
            for (int i = 0; i < times; i++)
            {
                faults.Add((endpoint, fault));
            }
        }
    }

    /// <summary>Forgets every fault not yet shown.</summary>
    public void ClearFaults()
    {
        lock (faultGate)
        {
            faults.Clear();
        }
    }

    /// <summary>Requests to paths ending with <paramref name="endpoint"/>.</summary>
    public IReadOnlyList<FakeRequest> RequestsTo(string endpoint) => Requests.Where(r => r.Path.EndsWith(endpoint, StringComparison.Ordinal)).ToArray();

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();
        // The path as sent (still percent-encoded), to check the client's encoding.
        string raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "";
        string path = raw.Split('?')[0];
        string? authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var fault = TakeFault(path);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray());

        int status;
        string answer;
        if (fault is FakeFault.Abort)
        {
            Log(request.Method, path, request.QueryString.Value, authorization, body, 0, fault);
            context.Abort();
            return;
        }

        if (RequiredAuthorization is not null && authorization != RequiredAuthorization)
        {
            (status, answer) = (401, "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html");
        }
        else if (fault is FakeFault.Fail fail)
        {
            status = fail.Status;
            answer = fail.ErrorCode is null ? "Service Unavailable" : $"{{\"error_code\":\"{fail.ErrorCode}\",\"message\":\"injected\"}}";
            if (fail.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        else
        {
            if (fault is FakeFault.SlowStart slowStart)
            {
                await Task.Delay(slowStart.Delay);
            }

            if (fault is FakeFault.CreateRace && path.EndsWith("experiments/create", StringComparison.Ordinal))
            {
                using var json = System.Text.Json.JsonDocument.Parse(body);
                Backend.CreateExperiment(json.RootElement.GetProperty("name").GetString()!);
            }

            (status, answer) = Backend.Handle(request.Method, path, query, body, request.ContentType);
            if (fault is FakeFault.LoseAnswer)
            {
                (status, answer) = (502, "Bad Gateway");
            }
        }

        Log(request.Method, path, request.QueryString.Value, authorization, body, status, fault);
        if (fault is FakeFault.SlowAnswer slow)
        {
            await Task.Delay(slow.Delay);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = answer.StartsWith('{') ? "application/json" : "text/plain";
        try
        {
            await context.Response.WriteAsync(answer);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client gave up waiting.
        }
    }

    private void Log(string method, string path, string? query, string? authorization, byte[] body, int status, FakeFault? fault) =>
        requests.Enqueue(new FakeRequest(DateTimeOffset.UtcNow, method, path, query ?? "", authorization, System.Text.Encoding.UTF8.GetString(body), status, fault?.GetType().Name));

    private FakeFault? TakeFault(string path)
    {
        lock (faultGate)
        {
            int index = faults.FindIndex(f => path.EndsWith(f.Endpoint, StringComparison.Ordinal) || (f.Endpoint == "mlflow-artifacts" && path.Contains("/mlflow-artifacts/", StringComparison.Ordinal)));
            if (index < 0)
            {
                return null;
            }

            var fault = faults[index].Fault;
            faults.RemoveAt(index);
            return fault;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
