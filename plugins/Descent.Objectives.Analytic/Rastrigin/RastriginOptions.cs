using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Options of <see cref="Rastrigin"/>.</summary>
public sealed class RastriginOptions : AnalyticOptions
{
    /// <summary>The start point; default (2.5, 2.5); its length sets the dimension.</summary>
    [Hyperparameter("start", Description = "start point")]
    public override double[] Start { get; set; } = [2.5, 2.5];

    /// <summary>Amplitude of the cosine ripples.</summary>
    [Hyperparameter("amplitude", Description = "amplitude A of the cosine ripples", Minimum = 0)]
    public double Amplitude { get; set; } = 10;
}
