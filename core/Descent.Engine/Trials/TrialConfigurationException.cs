namespace Descent.Engine.Trials;

/// <summary>A trial (or sweep) that cannot run because of its configuration; holds every problem found, not only the first.</summary>
public sealed class TrialConfigurationException : Exception
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public TrialConfigurationException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>One message per problem.</summary>
    public IReadOnlyList<string> Errors { get; }
}
