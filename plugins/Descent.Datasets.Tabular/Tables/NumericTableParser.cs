using System.Globalization;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Reads delimited text into a <see cref="NumericTable"/>: CR LF or LF line ends, blank lines skipped,
/// numbers in the invariant culture (<c>1.5e-3</c>; no thousands separators), every cell finite.
/// The first problem stops the parse with a <see cref="TableFormatException"/> naming its line and column.
/// </summary>
public static class NumericTableParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="TableFormatException">The text is not a table of numbers.</exception>
    public static NumericTable Parse(string text, TableFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);
        var lines = ContentLines(text, format.Comments);
        if (lines.Count == 0)
        {
            throw new TableFormatException(null, "is empty");
        }

        var delimiter = format.Delimiter ?? DelimiterDetector.Detect(lines.Select(l => l.Text).ToArray());
        bool header = format.Header ?? !delimiter.Split(lines[0].Text).All(LooksNumeric);
        IReadOnlyList<string>? names = header ? Header(lines[0], delimiter) : format.ColumnNames;
        int start = header ? 1 : 0;
        if (lines.Count == start)
        {
            throw new TableFormatException(null, "has a header line but no rows of numbers");
        }

        int columns = names?.Count ?? delimiter.Split(lines[start].Text).Length;
        names ??= Enumerable.Range(0, columns).Select(i => $"column{i}").ToArray();
        var values = new double[(lines.Count - start) * columns];
        int next = 0;
        for (int i = start; i < lines.Count; i++)
        {
            var (number, content) = lines[i];
            var cells = delimiter.Split(content);
            if (cells.Length != columns)
            {
                throw new TableFormatException($"line {number}", $"expected {columns} {delimiter.Name}-separated numbers, found {cells.Length}");
            }

            for (int c = 0; c < columns; c++)
            {
                values[next++] = Number(cells[c], number, c, header ? names[c] : null, columns == 1);
            }
        }

        return new NumericTable(names, values);
    }

    /// <summary>Lines with content, numbered from 1 as in the file, without their line ends.</summary>
    private static List<(int Number, string Text)> ContentLines(string text, bool comments)
    {
        var result = new List<(int, string)>();
        int number = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            number++;
            var line = text.AsSpan(range);
            if (line.EndsWith("\r", StringComparison.Ordinal))
            {
                line = line[..^1];
            }

            if (number == 1 && line.StartsWith("\uFEFF", StringComparison.Ordinal))
            {
                line = line[1..]; // a UTF-8 byte order mark, as spreadsheet exports write
            }

            var trimmed = line.Trim();
            if (trimmed.IsEmpty || (comments && trimmed[0] == '#'))
            {
                continue;
            }

            result.Add((number, line.ToString()));
        }

        return result;
    }

    private static string[] Header((int Number, string Text) line, Delimiter delimiter)
    {
        var names = delimiter.Split(line.Text);
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TableFormatException($"line {line.Number}", $"the header names column '{duplicate.Key}' twice; column names must be unique");
        }

        return names;
    }

    /// <summary>A number, or one written with a decimal comma (so such a first line is reported as data, not taken for a header).</summary>
    private static bool LooksNumeric(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || double.TryParse(cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static double Number(string cell, int line, int column, string? name, bool singleColumn)
    {
        string where = $"line {line}, column {column + 1}{(name is null ? "" : $" ('{name}')")}";
        if (cell.Length == 0)
        {
            throw new TableFormatException(where, "the cell is empty; every cell must hold a number");
        }

        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            bool decimalComma = cell.Contains(',', StringComparison.Ordinal)
                                && double.TryParse(cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            string hint = decimalComma ? " (write the decimal point as '.')"
                : singleColumn ? " (every line was read as one column: set delimiter to the character between the cells)"
                : "";
            throw new TableFormatException(where, $"'{cell}' is not a number{hint}");
        }

        if (!double.IsFinite(value))
        {
            throw new TableFormatException(where, $"'{cell}' is not a finite number");
        }

        return value;
    }
}
