using System.Globalization;

namespace Descent.Tracking.Rest;

/// <summary>
/// How the REST client retries (MLFLOW.md section 3, as <c>mlflow/utils/request_utils.py</c> does): 408, 429,
/// 500, 502, 503, 504, connection errors and timeouts, POST included; the first retry at once, then
/// <c>BackoffFactor · 2^(n−1)</c> seconds (4, 8, 16, 32, 64, capped at <see cref="MaxBackoff"/>) plus up to
/// <see cref="BackoffJitter"/> of jitter; a <c>Retry-After</c> header wins over the backoff.
/// </summary>
/// <param name="MaxRetries">Retries after the first attempt (MLflow: 7; <c>MLFLOW_HTTP_REQUEST_MAX_RETRIES</c>).</param>
/// <param name="BackoffFactor">Base of the exponential backoff (MLflow: 2 s; <c>MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR</c>).</param>
/// <param name="BackoffJitter">Up to this much random time is added to each backoff (MLflow: 1 s; <c>MLFLOW_HTTP_REQUEST_BACKOFF_JITTER</c>).</param>
/// <param name="MaxBackoff">Longest backoff (urllib3: 120 s).</param>
/// <param name="AttemptTimeout">Time allowed per attempt (MLflow: 120 s; <c>MLFLOW_HTTP_REQUEST_TIMEOUT</c>).</param>
public sealed record RetryOptions(int MaxRetries, TimeSpan BackoffFactor, TimeSpan BackoffJitter, TimeSpan MaxBackoff, TimeSpan AttemptTimeout)
{
    /// <summary>MLflow's defaults.</summary>
    public static RetryOptions Default { get; } = new(7, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(120));

    /// <summary>The backoff before retry <paramref name="retry"/> (1 = the first retry), without a <c>Retry-After</c>.</summary>
    public TimeSpan Backoff(int retry, double jitterDraw)
    {
        if (retry <= 1)
        {
            return TimeSpan.Zero;
        }

        double seconds = BackoffFactor.TotalSeconds * Math.Pow(2, retry - 1);
        seconds += jitterDraw * BackoffJitter.TotalSeconds;
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }

    /// <summary>The defaults, overridden by MLflow's environment variables where set; bad values are an error naming the variable.</summary>
    /// <exception cref="ArgumentException">A variable holds something that is not a non-negative number.</exception>
    public static RetryOptions FromEnvironment(Func<string, string?> environment)
    {
        var d = Default;
        return d with
        {
            MaxRetries = (int)Read(environment, "MLFLOW_HTTP_REQUEST_MAX_RETRIES", d.MaxRetries, integer: true),
            BackoffFactor = TimeSpan.FromSeconds(Read(environment, "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", d.BackoffFactor.TotalSeconds)),
            BackoffJitter = TimeSpan.FromSeconds(Read(environment, "MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", d.BackoffJitter.TotalSeconds)),
            AttemptTimeout = TimeSpan.FromSeconds(Math.Max(0.01, Read(environment, "MLFLOW_HTTP_REQUEST_TIMEOUT", d.AttemptTimeout.TotalSeconds))),
        };
    }

    private static double Read(Func<string, string?> environment, string name, double fallback, bool integer = false)
    {
        string? text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || !double.IsFinite(value)
            || (integer && value != Math.Floor(value)))
        {
            throw new ArgumentException($"invalid {name}='{text}'; expected a non-negative {(integer ? "integer" : "number")}");
        }

        return value;
    }
}
