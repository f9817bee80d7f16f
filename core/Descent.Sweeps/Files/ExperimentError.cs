namespace Descent.Sweeps.Files;

/// <summary>One problem in an experiment file: where, and what is expected.</summary>
public sealed record ExperimentError(SourceLocation Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
