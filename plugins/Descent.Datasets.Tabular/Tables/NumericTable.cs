namespace Descent.Datasets.Tabular;

/// <summary>
/// A parsed table of numbers: named columns, values in float64, row-major. Immutable once built, so
/// one parsed file can serve every trial of a sweep (see <see cref="ParsedFileCache"/>).
/// </summary>
public sealed class NumericTable
{
    private readonly double[] values;

    /// <summary>Creates the table; <paramref name="values"/> is row-major and is not copied, so do not change it afterwards.</summary>
    public NumericTable(IReadOnlyList<string> columnNames, double[] values)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(values);
        if (columnNames.Count == 0 || values.Length % columnNames.Count != 0)
        {
            throw new ArgumentException($"{values.Length} values do not fill rows of {columnNames.Count} columns", nameof(values));
        }

        ColumnNames = columnNames;
        this.values = values;
        Rows = values.Length / columnNames.Count;
    }

    /// <summary>Column names, in file order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Number of columns.</summary>
    public int Columns => ColumnNames.Count;

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>The value in <paramref name="row"/>, <paramref name="column"/> (both from 0).</summary>
    public double this[int row, int column] => values[(row * Columns) + column];

    /// <summary>
    /// Every column shifted by its mean and divided by its population standard deviation (ddof 0) over all
    /// rows, as d2l's <c>get_data_ch7</c> does with NumPy.
    /// </summary>
    /// <param name="source">The file, for the message when a column is constant.</param>
    /// <exception cref="Contracts.TrialSetupException">A column is constant, so it cannot be scaled.</exception>
    public NumericTable Standardized(string source)
    {
        var result = new double[values.Length];
        for (int c = 0; c < Columns; c++)
        {
            if (IsConstant(c))
            {
                // Tested exactly: rounding in the mean would leave a tiny nonzero std and scale noise up.
                throw new Contracts.TrialSetupException(
                    $"{source}: column {c + 1} ('{ColumnNames[c]}') has the same value in every row, so it cannot be standardized; set standardize=false or remove the column");
            }

            double mean = 0;
            for (int r = 0; r < Rows; r++)
            {
                mean += this[r, c];
            }

            mean /= Rows;
            double squares = 0;
            for (int r = 0; r < Rows; r++)
            {
                double d = this[r, c] - mean;
                squares += d * d;
            }

            double std = Math.Sqrt(squares / Rows);
            for (int r = 0; r < Rows; r++)
            {
                result[(r * Columns) + c] = (this[r, c] - mean) / std;
            }
        }

        return new NumericTable(ColumnNames, result);
    }

    private bool IsConstant(int column)
    {
        for (int r = 1; r < Rows; r++)
        {
            if (this[r, column] != this[0, column])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first <paramref name="rows"/> rows split into features (every column but <paramref name="labelColumn"/>,
    /// row-major) and labels, in fresh arrays.
    /// </summary>
    public (double[] Features, double[] Labels) Split(int rows, int labelColumn)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(labelColumn);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(labelColumn, Columns);
        var features = new double[rows * (Columns - 1)];
        var labels = new double[rows];
        int f = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                if (c == labelColumn)
                {
                    labels[r] = this[r, c];
                }
                else
                {
                    features[f++] = this[r, c];
                }
            }
        }

        return (features, labels);
    }
}
