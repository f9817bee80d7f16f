namespace Descent.Datasets.Images;

/// <summary>An IDX file is not what it should be (wrong magic number, truncated, a count that disagrees).</summary>
/// <param name="path">The file.</param>
/// <param name="problem">What is wrong, as a clause: <c>the magic number is 0x00000000, not 0x00000803</c>.</param>
public sealed class IdxFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file.</summary>
    public string FilePath { get; } = path;

    /// <summary>What is wrong.</summary>
    public string Problem { get; } = problem;
}
