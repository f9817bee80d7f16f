using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Options of <see cref="Cube1d"/>.</summary>
public sealed class Cube1dOptions : AnalyticOptions
{
    /// <summary>The start point; default 1.</summary>
    [Hyperparameter("start", Description = "start point", Length = 1)]
    public override double[] Start { get; set; } = [1];
}
