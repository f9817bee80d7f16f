using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// An objective that is a closed-form function f of a point in R^n (no data). Lets the host draw
/// it (contours in 2-D, the curve in 1-D) and evaluate it anywhere.
/// </summary>
public interface IAnalyticObjective : IObjective
{
    /// <summary>n, the number of coordinates.</summary>
    int Dimension { get; }

    /// <summary>f at many points at once: <paramref name="points"/> is M x n, the result has M values.</summary>
    Tensor Evaluate(Tensor points);

    /// <summary>A region, one interval per coordinate, that shows the function's shape.</summary>
    IReadOnlyList<Interval> DisplayWindow { get; }
}
