using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Linear data with known truth: X ~ N(0, 1) (rows x features), y = X w + b + noise * e with e ~ N(0, 1).
/// Drawn in float64 from the data's own <c>seed</c> by <see cref="GaussianStream"/> (X row by row, then e),
/// so equal options give equal numbers on every machine, whatever the trial's seed, dtype or device.
/// </summary>
public sealed class SyntheticRegressionDataset : TensorDataset
{
    /// <summary>Draws the data for a trial.</summary>
    public SyntheticRegressionDataset(SyntheticRegressionOptions options, TrialContext context)
        : base(Draw(options), context)
    {
    }

    /// <summary>The data for <paramref name="options"/>, as float64 arrays.</summary>
    public static DatasetContent Draw(SyntheticRegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int rows = options.Rows, n = options.Weights.Length;
        var stream = new GaussianStream((ulong)SeedSequence.Derive(options.Seed, "synthetic-regression"));
        var features = new double[rows * n];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = stream.Next();
        }

        var labels = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double y = options.Bias;
            for (int j = 0; j < n; j++)
            {
                y += features[(r * n) + j] * options.Weights[j];
            }

            labels[r] = y;
        }

        for (int r = 0; r < rows; r++)
        {
            labels[r] += options.Noise * stream.Next();
        }

        var names = Enumerable.Range(1, n).Select(j => $"x{j}").ToArray();
        var info = new DatasetInfo("synthetic regression", rows, names, "y");
        return new DatasetContent(info, features, labels);
    }
}
