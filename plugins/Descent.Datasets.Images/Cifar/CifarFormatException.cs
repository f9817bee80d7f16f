namespace Descent.Datasets.Images;

/// <summary>A CIFAR binary batch is not what it should be (a size that is no whole number of records, a label out of range).</summary>
/// <param name="path">The file.</param>
/// <param name="problem">What is wrong, as a clause.</param>
public sealed class CifarFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file.</summary>
    public string FilePath { get; } = path;

    /// <summary>What is wrong.</summary>
    public string Problem { get; } = problem;
}
