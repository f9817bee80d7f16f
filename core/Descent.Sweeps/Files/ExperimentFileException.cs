namespace Descent.Sweeps.Files;

/// <summary>An experiment file that cannot run; lists every problem found, each with file and line.</summary>
public sealed class ExperimentFileException(IReadOnlyList<ExperimentError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<ExperimentError> Errors { get; } = errors;
}
