namespace Descent.Tests.Tracking.Fakes;

/// <summary>One request as the fake server saw it, and what it answered.</summary>
public sealed record FakeRequest(DateTimeOffset At, string Method, string Path, string Query, string? Authorization, string Body, int Status, string? Fault)
{
    /// <summary>True for requests that change the server's state.</summary>
    public bool IsWrite => Method is "POST" or "PUT" && !Path.EndsWith("runs/search", StringComparison.Ordinal);
}
