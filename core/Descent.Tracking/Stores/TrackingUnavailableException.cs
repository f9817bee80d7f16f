namespace Descent.Tracking.Stores;

/// <summary>
/// The store could not be reached, or kept failing with retryable errors, until the retry budget ran
/// out (or the caller gave up). Records are not lost: the recorder keeps them in the local spool.
/// </summary>
public sealed class TrackingUnavailableException : TrackingException
{
    /// <summary>Creates the exception.</summary>
    public TrackingUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
