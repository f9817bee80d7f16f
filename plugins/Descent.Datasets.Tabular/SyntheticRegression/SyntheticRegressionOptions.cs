using Descent.Contracts;

namespace Descent.Datasets.Tabular;

/// <summary>
/// Options of <see cref="SyntheticRegressionDataset"/>. The defaults are d2l's <c>synthetic_data</c>
/// (section "Linear Regression Implementation from Scratch"): w = (2, -3.4), b = 4.2, noise std 0.01, 1000 rows.
/// </summary>
public sealed class SyntheticRegressionOptions
{
    /// <summary>Number of rows.</summary>
    [Hyperparameter("rows", Description = "number of rows", Minimum = 1)]
    public int Rows { get; set; } = 1000;

    /// <summary>The true weights; their number is the number of features.</summary>
    [Hyperparameter("weights", Description = "true weights, one per feature")]
    public double[] Weights { get; set; } = [2, -3.4];

    /// <summary>The true bias.</summary>
    [Hyperparameter("bias", Description = "true bias")]
    public double Bias { get; set; } = 4.2;

    /// <summary>Standard deviation of the Gaussian noise added to each label.</summary>
    [Hyperparameter("noise", Description = "standard deviation of the label noise", Minimum = 0)]
    public double Noise { get; set; } = 0.01;

    /// <summary>
    /// The data's own seed, independent of the trial's seed, so every optimizer (and every trial seed) in
    /// a comparison sees the same data. Change it to draw another data set.
    /// </summary>
    [Hyperparameter("seed", Description = "the data's own seed (independent of the trial seed)", Minimum = 0)]
    public long Seed { get; set; }
}
