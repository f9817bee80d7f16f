namespace Descent.Objectives.Classification;

/// <summary>Options of <see cref="LogisticRegression"/> (none yet).</summary>
public sealed class LogisticRegressionOptions
{
}
