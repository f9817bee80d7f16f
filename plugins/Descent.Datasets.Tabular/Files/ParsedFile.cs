namespace Descent.Datasets.Tabular;

/// <summary>A data file read once: its full path, its SHA-256 (lower-case hex) and its numbers.</summary>
public sealed record ParsedFile(string Path, string Sha256, NumericTable Table);
