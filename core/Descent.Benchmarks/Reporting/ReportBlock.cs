namespace Descent.Benchmarks.Reporting;

/// <summary>One block of a benchmark report, in reading order; the Markdown and HTML writers render the same blocks.</summary>
public abstract record ReportBlock;

/// <summary>A heading (level 2 or 3).</summary>
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of plain text; <paramref name="Note"/> renders it as a highlighted note.</summary>
public sealed record ParagraphBlock(string Text, bool Note = false) : ReportBlock;

/// <summary>A table; <paramref name="Numeric"/> marks right-aligned columns; <paramref name="Caption"/> is shown below it.</summary>
public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> Numeric, string? Caption = null) : ReportBlock;

/// <summary>A picture: a PNG file next to the report, its title and what it shows.</summary>
public sealed record PictureBlock(string FileName, string Title, string Caption) : ReportBlock;
