using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary><c>f(x) = x cos(pi x)</c>: x cos(pi x): a local minimum near -0.3 and the global one near 1.1 on [-1, 2] (d2l 7.1).</summary>
public sealed class XCos1d : AnalyticObjective
{
    private readonly Scalar pi;

    /// <summary>Creates the objective at its start point.</summary>
    public XCos1d(XCos1dOptions options, TrialContext context)
        : base("xcos1d", options, 1, minimumDimension: 1, context)
    {
        pi = Hold(Math.PI);
        DisplayWindow = [new(-1.0, 2.0)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Interval> DisplayWindow { get; }

    /// <inheritdoc />
    protected override Tensor Function(Tensor x) =>
        Coordinate(x, 0) * Coordinate(x, 0).mul(pi).cos();
}
