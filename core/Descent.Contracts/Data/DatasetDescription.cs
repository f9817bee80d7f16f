namespace Descent.Contracts;

/// <summary>
/// What a dataset with splits holds, for checks before the first step (does the objective fit?), for the
/// trial's record and for reports.
/// </summary>
/// <param name="Task">Classification or regression.</param>
/// <param name="Classes">Number of classes (classification); 0 for regression.</param>
/// <param name="InputShape">The shape of one sample, e.g. <c>[1, 28, 28]</c> or <c>[5]</c>.</param>
/// <param name="SplitSizes">Samples per split, by name (<see cref="SplitNames"/>).</param>
/// <param name="Provenance">Where the data came from: files with their checksums, the subset and carve-out used.</param>
public sealed record DatasetDescription(
    DatasetTask Task,
    int Classes,
    IReadOnlyList<long> InputShape,
    IReadOnlyDictionary<string, long> SplitSizes,
    string Provenance)
{
    /// <summary>The input shape as text, e.g. <c>[1, 28, 28]</c>.</summary>
    public string InputShapeText => $"[{string.Join(", ", InputShape)}]";

    /// <summary>Number of values in one sample (the product of <see cref="InputShape"/>).</summary>
    public long InputSize => InputShape.Aggregate(1L, (a, b) => a * b);
}
