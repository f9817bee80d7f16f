using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary><c>f(x) = x^3</c>: x^3: a saddle point at 0 where the gradient vanishes (d2l 7.1).</summary>
public sealed class Cube1d : AnalyticObjective
{
    private readonly Scalar three;

    /// <summary>Creates the objective at its start point.</summary>
    public Cube1d(Cube1dOptions options, TrialContext context)
        : base("cube1d", options, 1, minimumDimension: 1, context)
    {
        three = Hold(3);
        DisplayWindow = [new(-2.0, 2.0)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Interval> DisplayWindow { get; }

    /// <inheritdoc />
    protected override Tensor Function(Tensor x) =>
        Coordinate(x, 0).pow(three);
}
