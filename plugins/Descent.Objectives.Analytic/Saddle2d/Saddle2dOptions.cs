using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Options of <see cref="Saddle2d"/>.</summary>
public sealed class Saddle2dOptions : AnalyticOptions
{
    /// <summary>The start point; default (-1, 0.1).</summary>
    [Hyperparameter("start", Description = "start point", Length = 2)]
    public override double[] Start { get; set; } = [-1, 0.1];
}
