using Descent.Tracking.Rest;

namespace Descent.Tests.Tracking.Support;

/// <summary>MLflow's retry rules with a compressed schedule, so that tests of retries run in seconds.</summary>
public static class FastRetries
{
    /// <summary>7 retries, backoff 0, 20, 40, 80, 160, 320, 640 ms (+ up to 5 ms jitter), 2 s per attempt.</summary>
    public static RetryOptions Options { get; } = new(7, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    /// <summary>A short budget: 3 retries, 1 s per attempt (a server that is down is given up on quickly).</summary>
    public static RetryOptions Short { get; } = new(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));
}
