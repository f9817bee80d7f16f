using Descent.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DescentObjective1;

/// <summary>
/// Himmelblau's function, as a starting point: f(x, y) = (x² + y - 11)² + (x + y² - 7)², four minima of 0
/// (one at (3, 2)). One parameter, the point, created at <c>start</c> in the trial's dtype and device;
/// <see cref="Evaluate"/> is f on a batch of points (shape [..., 2]) so the host can draw contours.
/// </summary>
public sealed class DescentObjective1Objective : IAnalyticObjective
{
    private readonly Parameter point;
    private readonly HeldScalars constants = new();
    private readonly Scalar one, two, seven, eleven;

    /// <summary>Creates the point at the start.</summary>
    public DescentObjective1Objective(DescentObjective1Options options, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        // Hold every constant once: a bare double becomes a temporary Scalar on each call.
        one = constants.Hold(1);
        two = constants.Hold(2);
        seven = constants.Hold(7);
        eleven = constants.Hold(11);
        using var scope = NewDisposeScope();
        point = new Parameter(tensor(options.Start, dtype: context.DType, device: context.Device), requires_grad: true);
        point.DetachFromDisposeScope();
        Parameters = new ParameterSet([("x", point)]);
    }

    /// <inheritdoc />
    public ParameterSet Parameters { get; }

    /// <inheritdoc />
    public int Dimension => 2;

    /// <inheritdoc />
    public IReadOnlyList<Interval> DisplayWindow { get; } = [new Interval(-5, 5), new Interval(-5, 5)];

    /// <inheritdoc />
    public Tensor Loss(Batch batch) => Evaluate(point);

    /// <inheritdoc />
    public Tensor TrainingLoss(Batch batch) => Evaluate(point);

    /// <inheritdoc />
    public Tensor Evaluate(Tensor points)
    {
        var x = points.select(-1, 0);
        var y = points.select(-1, 1);
        var first = x.pow(two).add(y, one).sub(eleven);
        var second = x.add(y.pow(two), one).sub(seven);
        return first.pow(two).add(second.pow(two), one);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        point.Dispose();
        constants.Dispose();
    }
}
