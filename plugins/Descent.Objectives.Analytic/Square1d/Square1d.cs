using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary><c>f(x) = x^2</c>: x^2, the chapter's one-dimensional gradient descent example (d2l 7.2).</summary>
public sealed class Square1d : AnalyticObjective
{

    /// <summary>Creates the objective at its start point.</summary>
    public Square1d(Square1dOptions options, TrialContext context)
        : base("square1d", options, 1, minimumDimension: 1, context)
    {
        DisplayWindow = [new(-10.0, 10.0)];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Interval> DisplayWindow { get; }

    /// <inheritdoc />
    protected override Tensor Function(Tensor x) =>
        Coordinate(x, 0).pow(Two);
}
