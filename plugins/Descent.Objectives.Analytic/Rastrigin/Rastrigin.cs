using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary><c>f(x) = A n + sum_i (x_i^2 - A cos(2 pi x_i))</c>: Rastrigin's egg-crate of local minima; global minimum 0 at the origin (Rastrigin 1974).</summary>
public sealed class Rastrigin : AnalyticObjective
{
    private readonly Scalar amplitude;
    private readonly Scalar twoPi;
    private readonly Scalar offset;

    /// <summary>Creates the objective at its start point.</summary>
    public Rastrigin(RastriginOptions options, TrialContext context)
        : base("rastrigin", options, null, minimumDimension: 1, context)
    {
        amplitude = Hold(options.Amplitude);
        twoPi = Hold(2 * Math.PI);
        offset = Hold(options.Amplitude * Dimension);
        DisplayWindow = Enumerable.Repeat(new Interval(-5.12, 5.12), Dimension).ToArray();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Interval> DisplayWindow { get; }

    /// <inheritdoc />
    protected override Tensor Function(Tensor x) =>
        (x.pow(Two) - x.mul(twoPi).cos().mul(amplitude)).sum(-1).add(offset, One);
}
