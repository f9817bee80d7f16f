using Descent.Contracts;

namespace Descent.Objectives.Analytic;

/// <summary>Options of <see cref="Square1d"/>.</summary>
public sealed class Square1dOptions : AnalyticOptions
{
    /// <summary>The start point; default 10, the chapter's.</summary>
    [Hyperparameter("start", Description = "start point", Length = 1)]
    public override double[] Start { get; set; } = [10];
}
