using Descent.Contracts;

namespace DescentObjective1;

/// <summary>Hyperparameters of <see cref="DescentObjective1Objective"/>: the start point (double[] written 1,2; never null).</summary>
public sealed class DescentObjective1Options
{
    /// <summary>Where the optimizer starts.</summary>
    [Hyperparameter("start", Description = "start point (x1, x2)", Minimum = -10, Maximum = 10, Length = 2)]
    public double[] Start { get; set; } = [-1.0, 1.5];
}
