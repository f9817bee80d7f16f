namespace Descent.Tracking.Model;

/// <summary>One entry of a run's artifact listing.</summary>
/// <param name="Path">Path relative to the run's artifact root, with <c>/</c> separators.</param>
/// <param name="IsDirectory">True for a directory.</param>
/// <param name="Size">Bytes, for files.</param>
public sealed record ArtifactFile(string Path, bool IsDirectory, long? Size);
