using System.Globalization;
using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Options of <see cref="CsvDataset"/>: any delimited file of numbers. In error messages lines and
/// columns count from 1, as editors do; a numeric <c>target</c> counts from 0.
/// </summary>
public sealed class CsvOptions : IValidatableOptions
{
    /// <summary>The file. A relative path is looked up in the data directories (--data-dir, DESCENT_DATA_DIR, the repository's data/), then in the working directory.</summary>
    [Hyperparameter("path", Description = "the file; relative paths are looked up in the data directories, then the working directory")]
    public string Path { get; set; } = "";

    /// <summary>The label column: a header name or a 0-based index; empty (default) for the last column.</summary>
    [Hyperparameter("target", Description = "label column: header name or 0-based index (default: the last column)")]
    public string Target { get; set; } = "";

    /// <summary><c>auto</c> (the first of tab, semicolon, comma and whitespace that splits the first lines evenly), one of those names, <c>pipe</c>, or any single character.</summary>
    [Hyperparameter("delimiter", Description = "auto, comma, tab, semicolon, whitespace, pipe, or one character")]
    public string Delimiter { get; set; } = "auto";

    /// <summary><c>auto</c>: the first line is a header when any of its cells is not a number.</summary>
    [Hyperparameter("header", Description = "whether the first line names the columns", Choices = ["auto", "true", "false"])]
    public string Header { get; set; } = "auto";

    /// <summary>
    /// Scale every column, label included, by its mean and population standard deviation over all rows of
    /// the file (as the chapter does for airfoil). Off by default: your data is used as you give it.
    /// </summary>
    [Hyperparameter("standardize", Description = "scale every column (label too) to mean 0, population std 1 over all rows")]
    public bool Standardize { get; set; }

    /// <summary>How many rows to keep from the top (after standardizing); 0 for all.</summary>
    [Hyperparameter("rows", Description = "rows kept from the top (0: all)", Minimum = 0)]
    public int Rows { get; set; }

    /// <summary>When given, the file's SHA-256 must equal it (lower-case hex), so a trial cannot silently run on another version.</summary>
    [Hyperparameter("sha256", Description = "expected sha256 of the file (empty: not checked)")]
    public string Sha256 { get; set; } = "";

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return "path is required: give the file, e.g. path=measurements.csv (relative paths are looked up in the data directories, then the working directory)";
        }

        if (Delimiter != "auto" && Tabular.Delimiter.FromName(Delimiter) is null)
        {
            yield return $"delimiter = '{Delimiter}' is not known; use auto, comma, tab, semicolon, whitespace, pipe, or a single character";
        }

        if (Sha256.Length > 0 && (Sha256.Length != 64 || !Sha256.All(char.IsAsciiHexDigit)))
        {
            yield return $"sha256 = '{Sha256}' is not a SHA-256 checksum (64 hex digits); print one with: sha256sum FILE";
        }
    }

    /// <summary>How to read the file.</summary>
    internal TableFormat Format() => new(
        Delimiter == "auto" ? null : Tabular.Delimiter.FromName(Delimiter),
        Header switch { "true" => true, "false" => false, _ => null },
        Comments: true);

    /// <summary>The target as an index, when it is one.</summary>
    internal int? TargetIndex() =>
        int.TryParse(Target, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : null;
}
