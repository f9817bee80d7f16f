using Descent.Contracts;

namespace DescentDataset1;

/// <summary>Hyperparameters of <see cref="DescentDataset1Dataset"/>.</summary>
public sealed class DescentDataset1Options
{
    /// <summary>Number of rows.</summary>
    [Hyperparameter("rows", Description = "number of rows", Minimum = 1)]
    public int Rows { get; set; } = 1000;

    /// <summary>Standard deviation of the label noise.</summary>
    [Hyperparameter("noise", Description = "standard deviation of the label noise", Minimum = 0)]
    public double Noise { get; set; } = 0.1;
}
