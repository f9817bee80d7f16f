namespace Descent.Tests.Tracking.Fakes;

/// <summary>A misbehaviour the fake server shows on one request.</summary>
public abstract record FakeFault
{
    /// <summary>Answers with a status and MLflow's error JSON (or plain text without an error code), without doing anything.</summary>
    public sealed record Fail(int Status, string? ErrorCode = null, int? RetryAfterSeconds = null) : FakeFault;

    /// <summary>Does the work, then waits before answering (a client with a shorter timeout gives up and retries).</summary>
    public sealed record SlowAnswer(TimeSpan Delay) : FakeFault;

    /// <summary>Waits, then does the work and answers (slow but within the client's patience).</summary>
    public sealed record SlowStart(TimeSpan Delay) : FakeFault;

    /// <summary>Does the work, then answers 502 as a proxy would that lost the server's answer.</summary>
    public sealed record LoseAnswer : FakeFault;

    /// <summary>Another client creates the same experiment just before this request is handled.</summary>
    public sealed record CreateRace : FakeFault;

    /// <summary>Behaves normally (a placeholder, to let some requests through before the next fault).</summary>
    public sealed record Pass : FakeFault;

    /// <summary>Closes the connection without answering.</summary>
    public sealed record Abort : FakeFault;
}
