namespace Descent.Contracts;

/// <summary>
/// Thrown by a plugin when a trial cannot start because of what the user gave it (a missing data file,
/// a start point of the wrong length). The host shows the message as it is, without a stack trace,
/// so it should say what was wrong, with the value, and what to do.
/// </summary>
public class TrialSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrialSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TrialSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
