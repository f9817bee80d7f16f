using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>
/// A delimited file of numbers (comma, tab, semicolon, whitespace or any one character; optional header;
/// lines starting with <c>#</c> and blank lines skipped; no quoted delimiters). One column is the label,
/// every other column a feature. With <c>standardize=true</c> every column is scaled over all rows before
/// the first <c>rows</c> are kept, as for airfoil.
/// </summary>
public sealed class CsvDataset : TensorDataset
{
    /// <summary>Loads the file for a trial.</summary>
    /// <exception cref="TrialSetupException">The file is missing, is not a table of numbers, or has no such target column.</exception>
    public CsvDataset(CsvOptions options, TrialContext context)
        : base(Load(options, context), context)
    {
    }

    private static DatasetContent Load(CsvOptions options, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        string path = Locate(options.Path, context.Data);
        var file = Read(path, options);
        if (options.Sha256.Length > 0 && !string.Equals(file.Sha256, options.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new TrialSetupException($"csv: {path} has sha256 {file.Sha256}, but sha256 = {options.Sha256} was asked for; use the file you meant, or update sha256");
        }

        var table = file.Table;
        if (table.Columns < 2)
        {
            throw new TrialSetupException(
                $"csv: {path} has only one column ('{table.ColumnNames[0]}'), but a label and at least one feature are needed; " +
                $"if the file has more columns, name its delimiter (delimiter = {options.Delimiter} now; e.g. delimiter=comma)");
        }

        int target = TargetColumn(options, table, path);
        int rows = options.Rows == 0 ? table.Rows : options.Rows;
        if (table.Rows < rows)
        {
            throw new TrialSetupException($"csv: {path} has {table.Rows} rows, fewer than rows = {options.Rows}; set rows to at most {table.Rows}, or 0 for all");
        }

        if (options.Standardize)
        {
            table = table.Standardized($"csv: {path}");
        }

        var (features, labels) = table.Split(rows, target);
        var featureNames = table.ColumnNames.Where((_, i) => i != target).ToArray();
        var info = new DatasetInfo(System.IO.Path.GetFileName(path), rows, featureNames, table.ColumnNames[target], file.Path, file.Sha256);
        return new DatasetContent(info, features, labels);
    }

    /// <summary>An absolute path as it is; a relative one in the data directories, then the working directory.</summary>
    private static string Locate(string path, DataLocations data)
    {
        if (System.IO.Path.IsPathFullyQualified(path))
        {
            return File.Exists(path)
                ? path
                : throw new TrialSetupException($"csv: {path} does not exist; check path");
        }

        var searched = DataDirectories.Searched(data).Append(Directory.GetCurrentDirectory()).Distinct(StringComparer.Ordinal).ToArray();
        return DataDirectories.Find(path, searched)
            ?? throw new TrialSetupException(
                $"csv: {path} was not found. Searched:{Environment.NewLine}{DataDirectories.List(searched)}{Environment.NewLine}" +
                "Give an absolute path, or put the file into one of these directories, or name its folder with --data-dir DIR or DESCENT_DATA_DIR=DIR");
    }

    private static ParsedFile Read(string path, CsvOptions options)
    {
        try
        {
            return ParsedFileCache.Get(path, options.Format());
        }
        catch (TableFormatException e)
        {
            throw new TrialSetupException($"csv: {e.Describe(path)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrialSetupException($"csv: cannot read {path}: {e.Message}", e);
        }
    }

    private static int TargetColumn(CsvOptions options, NumericTable table, string path)
    {
        if (options.Target.Length == 0)
        {
            return table.Columns - 1;
        }

        var names = table.ColumnNames;
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], options.Target, StringComparison.Ordinal))
            {
                return i;
            }
        }

        if (options.TargetIndex() is { } index && index < table.Columns)
        {
            return index;
        }

        string available = string.Join(", ", names.Select((n, i) => $"{i} '{n}'"));
        throw new TrialSetupException(
            $"csv: {path} has no column '{options.Target}'; give target as one of these names or 0-based indexes: {available}");
    }
}
