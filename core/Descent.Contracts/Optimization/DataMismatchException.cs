namespace Descent.Contracts;

/// <summary>
/// Thrown by an objective's constructor when the dataset does not fit it (an input shape it cannot take, a
/// task it does not solve). The host adds both plugins' ids to the message; say what the objective expects
/// and what the dataset gives.
/// </summary>
public sealed class DataMismatchException : TrialSetupException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expected">What the objective takes, e.g. <c>inputs [1, 28, 28], classification</c>.</param>
    /// <param name="actual">What the dataset gives, e.g. <c>inputs [3, 32, 32], classification with 10 classes</c>.</param>
    public DataMismatchException(string expected, string actual)
        : base($"the objective expects {expected}, but the dataset gives {actual}")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>What the objective takes.</summary>
    public string Expected { get; }

    /// <summary>What the dataset gives.</summary>
    public string Actual { get; }
}
