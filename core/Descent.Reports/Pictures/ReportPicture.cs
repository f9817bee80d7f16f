namespace Descent.Reports.Pictures;

/// <summary>One PNG of a report.</summary>
/// <param name="Group">The <see cref="Statistics.RunGroup.Number"/> it belongs to.</param>
/// <param name="Kind">What it shows.</param>
/// <param name="FileName">Its file name in the report's directory.</param>
/// <param name="Title">A short title (alt text, headings).</param>
/// <param name="Caption">How to read it.</param>
public sealed record ReportPicture(int Group, PictureKind Kind, string FileName, string Title, string Caption);
