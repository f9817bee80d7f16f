namespace Descent.Tests.Tracking.Support;

/// <summary>A clock that stands at a given instant and moves only when told (exact timestamps in files).</summary>
public sealed class FixedClock(long unixMilliseconds) : TimeProvider
{
    private long now = unixMilliseconds;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(Interlocked.Read(ref now));

    public void Advance(long milliseconds) => Interlocked.Add(ref now, milliseconds);
}
