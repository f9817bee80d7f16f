using System.Net;
using Descent.Tracking.Rest.Wire;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Descent.Tracking.Rest;

/// <summary>
/// The Polly pipeline every request goes through: a retry strategy (<see cref="RetryOptions"/>: MLflow's
/// status codes, schedule and <c>Retry-After</c>) around a per-attempt timeout.
/// Never retried: 400, 401, 403, 404, a 500 with <c>INVALID_STATE</c>, and (for artifact routes) 503,
/// which a server started with <c>--no-serve-artifacts</c> answers to every upload.
/// </summary>
internal static class MlflowRetryPipeline
{
    private static readonly HashSet<HttpStatusCode> Retryable =
    [
        HttpStatusCode.RequestTimeout,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>The longest <c>Retry-After</c> honoured.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    public static ResiliencePipeline<HttpResponseMessage> Build(RetryOptions options, bool artifactRoute, ILogger logger, Action? connectionTrouble = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ShouldRetry(args.Outcome, artifactRoute),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(options, args.AttemptNumber + 1, args.Outcome.Result)),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException)
                    {
                        connectionTrouble?.Invoke();
                    }

                    logger.LogInformation(
                        "tracking: {What}; retry {Retry} of {MaxRetries} in {Delay:0.###} s",
                        Describe(args.Outcome),
                        args.AttemptNumber + 1,
                        options.MaxRetries,
                        args.RetryDelay.TotalSeconds);
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>A short description of what went wrong, for logs and messages (no headers, no bodies).</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? Describe(e) : $"HTTP {(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}";

    /// <summary>What a failed request met, in one line: a timeout as its duration, anything else as its message.</summary>
    public static string Describe(Exception e) => e is TimeoutRejectedException t
        ? $"no answer within {t.Timeout.TotalSeconds:0.###} s"
        : ExceptionText.OneLine(e, withType: false);

    private static async ValueTask<bool> ShouldRetry(Outcome<HttpResponseMessage> outcome, bool artifactRoute)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException;
        }

        var response = outcome.Result!;
        if (!Retryable.Contains(response.StatusCode) || (artifactRoute && response.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            // INVALID_STATE (e.g. a run created in a deleted experiment) will not change on a retry.
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return ErrorBodies.Parse(body).ErrorCode != Stores.MlflowErrorCodes.InvalidState;
        }

        return true;
    }

    private static TimeSpan Delay(RetryOptions options, int retry, HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < MaxRetryAfter ? delta : MaxRetryAfter;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait < MaxRetryAfter ? wait : MaxRetryAfter;
        }

        return options.Backoff(retry, Random.Shared.NextDouble());
    }
}
