using Descent.Engine.Options;

namespace Descent.Engine.Trials;

/// <summary>A trial (or sweep) that cannot run because of its configuration; holds every problem found, not only the first.</summary>
public sealed class TrialConfigurationException : Exception
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public TrialConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
    {
        Problems = problems;
        Errors = problems.Select(p => p.Message).ToArray();
    }

    /// <summary>The problems, each with its subject (plugin, hyperparameter or training setting).</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>One message per problem, in the order of <see cref="Problems"/>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
