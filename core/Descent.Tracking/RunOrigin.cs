namespace Descent.Tracking;

/// <summary>
/// The tag that says where a run came from: an id the client chose before the store gave the run its own.
/// It makes creation idempotent (a retried create finds the run it already made) and matches a spooled or
/// local run with its copy on a server (<c>descent sync</c>).
/// </summary>
public static class RunOrigin
{
    /// <summary>The tag's key.</summary>
    public const string Tag = "descent.origin";
}
