using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Descent.Tracking.Rest.Wire;
using Descent.Tracking.Stores;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Descent.Tracking.Rest;

/// <summary>
/// Sends MLflow REST requests: JSON bodies with <c>Content-Type: application/json</c>, the credentials'
/// <c>Authorization</c> header, every request through <see cref="MlflowRetryPipeline"/>. Turns what comes
/// back into values or into <see cref="MlflowApiException"/> (refused) and
/// <see cref="TrackingUnavailableException"/> (unreachable past the retry budget). Messages name the
/// server without credentials and never include headers.
/// </summary>
internal sealed class MlflowHttpClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly HttpClient http;
    private readonly MlflowCredentials credentials;
    private readonly ResiliencePipeline<HttpResponseMessage> api;
    private readonly ResiliencePipeline<HttpResponseMessage> artifacts;

    public MlflowHttpClient(Uri serverBase, MlflowCredentials credentials, RetryOptions retry, ILogger logger, HttpMessageHandler? handler = null)
    {
        ServerBase = serverBase;
        Location = serverBase.AbsoluteUri.TrimEnd('/');
        this.credentials = credentials;
        Retry = retry;
        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        api = MlflowRetryPipeline.Build(retry, artifactRoute: false, logger, () => ConnectionTrouble?.Invoke());
        artifacts = MlflowRetryPipeline.Build(retry, artifactRoute: true, logger, () => ConnectionTrouble?.Invoke());
    }

    public Uri ServerBase { get; }

    public string Location { get; }

    public RetryOptions Retry { get; }

    /// <summary>Called when a request meets a connection failure or a timeout and is about to be retried.</summary>
    public Action? ConnectionTrouble { get; set; }

    /// <summary>
    /// One request without retries, within <paramref name="timeout"/>: null when the server answers (any status
    /// below 500), otherwise what went wrong in a few words.
    /// </summary>
    public async Task<string?> ProbeAsync(string experimentName, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var response = await SendOnceAsync(HttpMethod.Get, "experiments/get-by-name", null, [("experiment_name", experimentName)], deadline.Token).ConfigureAwait(false);
            return (int)response.StatusCode < 500 ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0.###} s";
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return ExceptionText.OneLine(e, withType: false);
        }
    }

    public async Task<T> PostAsync<T>(string endpoint, object body, CancellationToken cancellation)
    {
        byte[] json = MlflowJson.Serialize(body);
        string text = await SendAsync(api, () => Json(HttpMethod.Post, ApiUri(endpoint, []), json), endpoint, cancellation).ConfigureAwait(false);
        return MlflowJson.Deserialize<T>(text);
    }

    public async Task<T> GetAsync<T>(string endpoint, IEnumerable<(string Name, string Value)> query, CancellationToken cancellation)
    {
        var uri = ApiUri(endpoint, query);
        string text = await SendAsync(api, () => new HttpRequestMessage(HttpMethod.Get, uri), endpoint, cancellation).ConfigureAwait(false);
        return MlflowJson.Deserialize<T>(text);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> under the retry pipeline: for operations that decide per attempt what
    /// to send (a retried <c>runs/create</c> first looks for the run the lost attempt may have created).
    /// </summary>
    public async Task<T> ExecuteAsync<T>(string what, Func<int, CancellationToken, Task<HttpResponseMessage>> attempt, CancellationToken cancellation)
    {
        int number = 0;
        string text = await Complete(
            () => api.ExecuteAsync(async token => await attempt(++number, token).ConfigureAwait(false), cancellation),
            what,
            cancellation).ConfigureAwait(false);
        return MlflowJson.Deserialize<T>(text);
    }

    /// <summary>Sends one request without retries (inside <see cref="ExecuteAsync{T}"/>).</summary>
    public Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string endpoint, object? body, IEnumerable<(string Name, string Value)> query, CancellationToken cancellation)
    {
        var uri = ApiUri(endpoint, query);
        var request = body is null ? new HttpRequestMessage(method, uri) : Json(method, uri, MlflowJson.Serialize(body));
        return http.SendAsync(Authorize(request), cancellation);
    }

    /// <summary><c>PUT</c> of a file's bytes to the artifact proxy.</summary>
    public async Task PutArtifactAsync(string artifactRelativeUrl, string file, CancellationToken cancellation)
    {
        byte[] bytes = await File.ReadAllBytesAsync(file, cancellation).ConfigureAwait(false);
        var uri = new Uri($"{Location}/api/2.0/mlflow-artifacts/artifacts/{artifactRelativeUrl}");
        await Complete(
            () => artifacts.ExecuteAsync(
                async token => await http.SendAsync(Authorize(new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent(bytes) }), token).ConfigureAwait(false),
                cancellation),
            "mlflow-artifacts upload",
            cancellation,
            artifactRoute: true).ConfigureAwait(false);
    }

    public void Dispose() => http.Dispose();

    private Task<string> SendAsync(ResiliencePipeline<HttpResponseMessage> pipeline, Func<HttpRequestMessage> request, string what, CancellationToken cancellation) =>
        Complete(
            () => pipeline.ExecuteAsync(async token => await http.SendAsync(Authorize(request()), token).ConfigureAwait(false), cancellation),
            what,
            cancellation);

    private async Task<string> Complete(Func<ValueTask<HttpResponseMessage>> send, string what, CancellationToken cancellation, bool artifactRoute = false)
    {
        HttpResponseMessage response;
        try
        {
            response = await send().ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException)
        {
            throw new TrackingUnavailableException($"tracking server {Location} is unreachable ({what}: {MlflowRetryPipeline.Describe(e)})", e);
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            var error = ErrorBodies.Parse(body);
            int status = (int)response.StatusCode;
            if (artifactRoute && response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                throw new MlflowApiException(status, error.ErrorCode ?? MlflowErrorCodes.Unknown,
                    $"{what}: the server does not serve artifacts (started with --no-serve-artifacts?); HTTP 503");
            }

            if (IsTransient(response.StatusCode) && error.ErrorCode != MlflowErrorCodes.InvalidState)
            {
                throw new TrackingUnavailableException(
                    $"tracking server {Location} kept failing ({what}: HTTP {status} {response.ReasonPhrase}{(error.ErrorCode is null ? "" : $" {error.ErrorCode}")}, {Retry.MaxRetries} retries)");
            }

            string message = error.Message ?? (body.Length == 0 ? response.ReasonPhrase ?? "" : body.Length > 200 ? body[..200] : body);
            throw new MlflowApiException(status, error.ErrorCode ?? MlflowErrorCodes.Unknown, $"{what}: {TrackingUri.Scrub(message.Trim())}");
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private HttpRequestMessage Authorize(HttpRequestMessage request)
    {
        if (credentials.Header is { } header)
        {
            request.Headers.Authorization = header;
        }

        return request;
    }

    private static HttpRequestMessage Json(HttpMethod method, Uri uri, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonType;
        return new HttpRequestMessage(method, uri) { Content = content };
    }

    private Uri ApiUri(string endpoint, IEnumerable<(string Name, string Value)> query)
    {
        var text = new StringBuilder($"{Location}/api/2.0/mlflow/{endpoint}");
        char separator = '?';
        foreach (var (name, value) in query)
        {
            text.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(text.ToString());
    }
}
