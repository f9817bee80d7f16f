using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>
/// Options every analytic objective has: optional Gaussian noise added to each gradient component at
/// every step (the chapter's stochastic gradient example uses mean 0.1, std 1). Each objective adds its
/// own <c>start</c>.
/// </summary>
public abstract class AnalyticOptions
{
    /// <summary>The start point, one value per coordinate.</summary>
    public abstract double[] Start { get; set; }

    /// <summary>Mean of the noise added to each gradient component.</summary>
    [Hyperparameter("noise_mean", Description = "mean of the noise added to each gradient component")]
    public double NoiseMean { get; set; }

    /// <summary>Standard deviation of that noise; 0 (with mean 0) turns noise off.</summary>
    [Hyperparameter("noise_std", Description = "standard deviation of the gradient noise", Minimum = 0)]
    public double NoiseStd { get; set; }
}
