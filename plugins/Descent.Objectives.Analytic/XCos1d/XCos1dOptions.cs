using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Options of <see cref="XCos1d"/>.</summary>
public sealed class XCos1dOptions : AnalyticOptions
{
    /// <summary>The start point; default -1, left of the local minimum.</summary>
    [Hyperparameter("start", Description = "start point", Length = 1)]
    public override double[] Start { get; set; } = [-1];
}
