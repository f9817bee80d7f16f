using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary><c>f(x) = sum_i b (x_{i+1} - x_i^2)^2 + (a - x_i)^2</c>: Rosenbrock's banana valley in n >= 2 dimensions; minimum 0 at (a, a^2, ...) (Rosenbrock 1960).</summary>
public sealed class Rosenbrock : AnalyticObjective
{
    private readonly Scalar a;
    private readonly Scalar b;

    /// <summary>Creates the objective at its start point.</summary>
    public Rosenbrock(RosenbrockOptions options, TrialContext context)
        : base("rosenbrock", options, null, minimumDimension: 2, context)
    {
        a = Hold(options.A);
        b = Hold(options.B);
        DisplayWindow = Enumerable.Range(0, Dimension).Select(i => i == 0 ? new Interval(-2, 2) : new Interval(-1, 3)).ToArray();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Interval> DisplayWindow { get; }

    /// <inheritdoc />
    protected override Tensor Function(Tensor x) =>
        x.narrow(-1, 1, Dimension - 1).sub(x.narrow(-1, 0, Dimension - 1).pow(Two)).pow(Two).mul(b)
            .add(x.narrow(-1, 0, Dimension - 1).neg().add(a, One).pow(Two), One)
            .sum(-1);
}
