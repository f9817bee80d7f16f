namespace Descent.Datasets.Tabular;

/// <summary>
/// A file's text is not the table it should be. Carries where (<c>line 17</c>, <c>line 3, column 2</c>;
/// lines and columns count from 1, as editors do) and what was wrong, so each dataset can name its file
/// and add what to do.
/// </summary>
public sealed class TableFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">Where, e.g. <c>line 17</c>; null for the file as a whole.</param>
    /// <param name="problem">What was wrong, e.g. <c>expected 6 tab-separated numbers, found 5</c>.</param>
    public TableFormatException(string? location, string problem)
        : base(location is null ? problem : $"{location}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    /// <summary>Where, or null for the whole file.</summary>
    public string? Location { get; }

    /// <summary>What was wrong.</summary>
    public string Problem { get; }

    /// <summary>The message with the file named: <c>data.csv, line 17: expected ...</c> or <c>data.csv is empty</c>.</summary>
    public string Describe(string source) => Location is null ? $"{source} {Problem}" : $"{source}, {Location}: {Problem}";
}
