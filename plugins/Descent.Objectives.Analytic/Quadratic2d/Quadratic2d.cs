using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary><c>f(x) = a x1^2 + b x2^2</c>: a x1^2 + b x2^2; the chapter uses a=1, b=2 and the ill-conditioned a=0.1, b=2 (d2l 7.2, 7.4).</summary>
public sealed class Quadratic2d : AnalyticObjective
{
    private readonly Scalar a;
    private readonly Scalar b;

    /// <summary>Creates the objective at its start point.</summary>
    public Quadratic2d(Quadratic2dOptions options, TrialContext context)
        : base("quadratic2d", options, 2, minimumDimension: 2, context)
    {
        a = Hold(options.A);
        b = Hold(options.B);
        DisplayWindow = [new(-5.5, 1.0), new(-3.0, 1.0)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Interval> DisplayWindow { get; }

    /// <inheritdoc />
    protected override Tensor Function(Tensor x) =>
        Coordinate(x, 0).pow(Two).mul(a).add(Coordinate(x, 1).pow(Two).mul(b), One);
}
