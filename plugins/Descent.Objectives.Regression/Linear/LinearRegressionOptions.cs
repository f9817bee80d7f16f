using Descent.Contracts;

namespace Descent.Objectives.Regression;

/// <summary>Options of <see cref="LinearRegression"/>.</summary>
public sealed class LinearRegressionOptions
{
    /// <summary>Standard deviation of the initial weights (the chapter: 0.01); the bias starts at 0.</summary>
    [Hyperparameter("init_std", Description = "standard deviation of the initial weights", Minimum = 0)]
    public double InitStd { get; set; } = 0.01;
}
