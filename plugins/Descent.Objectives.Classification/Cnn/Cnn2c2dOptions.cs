namespace Descent.Objectives.Classification;

/// <summary>Options of <see cref="Cnn2c2d"/> (none: the architecture is DeepOBS's).</summary>
public sealed class Cnn2c2dOptions
{
}
