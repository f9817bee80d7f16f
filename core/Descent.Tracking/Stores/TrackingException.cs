namespace Descent.Tracking.Stores;

/// <summary>A tracking store could not do what was asked; the message says what and where, in one line, without secrets.</summary>
public class TrackingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrackingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
