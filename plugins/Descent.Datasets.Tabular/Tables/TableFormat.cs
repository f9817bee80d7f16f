namespace Descent.Datasets.Tabular;

/// <summary>How to read a delimited text file as numbers.</summary>
/// <param name="Delimiter">What separates cells; null to detect it (see <see cref="DelimiterDetector"/>).</param>
/// <param name="Header">True: the first line names the columns; false: it is data; null: the first line is a header when any of its cells is not a number (even read with a decimal comma).</param>
/// <param name="Comments">True to skip lines whose first non-blank character is <c>#</c>.</param>
/// <param name="ColumnNames">The names to use when the file has no header, fixing the column count; null to name them <c>column0</c>, <c>column1</c>, ...</param>
public sealed record TableFormat(Delimiter? Delimiter, bool? Header, bool Comments, IReadOnlyList<string>? ColumnNames = null)
{
    /// <summary>A key that tells formats apart in <see cref="ParsedFileCache"/>.</summary>
    public string Key => $"{Delimiter?.Name ?? "auto"}|{Header?.ToString() ?? "auto"}|{Comments}|{(ColumnNames is null ? "" : string.Join("\u001f", ColumnNames))}";
}
