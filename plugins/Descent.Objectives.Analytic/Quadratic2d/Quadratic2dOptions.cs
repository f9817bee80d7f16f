using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Options of <see cref="Quadratic2d"/>.</summary>
public sealed class Quadratic2dOptions : AnalyticOptions
{
    /// <summary>The start point; default (-5, -2), the chapter's.</summary>
    [Hyperparameter("start", Description = "start point", Length = 2)]
    public override double[] Start { get; set; } = [-5, -2];

    /// <summary>Coefficient of x1^2.</summary>
    [Hyperparameter("a", Description = "coefficient of x1^2")]
    public double A { get; set; } = 1;

    /// <summary>Coefficient of x2^2.</summary>
    [Hyperparameter("b", Description = "coefficient of x2^2")]
    public double B { get; set; } = 2;
}
