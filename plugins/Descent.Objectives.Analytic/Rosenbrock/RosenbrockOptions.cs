using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Options of <see cref="Rosenbrock"/>.</summary>
public sealed class RosenbrockOptions : AnalyticOptions
{
    /// <summary>The start point; default (-1.5, 2); its length sets the dimension (at least 2).</summary>
    [Hyperparameter("start", Description = "start point")]
    public override double[] Start { get; set; } = [-1.5, 2];

    /// <summary>Position of the valley's minimum.</summary>
    [Hyperparameter("a", Description = "position of the minimum")]
    public double A { get; set; } = 1;

    /// <summary>Steepness of the valley walls.</summary>
    [Hyperparameter("b", Description = "steepness of the valley walls", Minimum = 0)]
    public double B { get; set; } = 100;
}
