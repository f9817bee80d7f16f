using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary><c>f(x) = x1^2 - x2^2</c>: x1^2 - x2^2, a saddle point at the origin (d2l 7.1).</summary>
public sealed class Saddle2d : AnalyticObjective
{

    /// <summary>Creates the objective at its start point.</summary>
    public Saddle2d(Saddle2dOptions options, TrialContext context)
        : base("saddle2d", options, 2, minimumDimension: 2, context)
    {
        DisplayWindow = [new(-1.0, 1.0), new(-1.0, 1.0)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Interval> DisplayWindow { get; }

    /// <inheritdoc />
    protected override Tensor Function(Tensor x) =>
        Coordinate(x, 0).pow(Two) - Coordinate(x, 1).pow(Two);
}
