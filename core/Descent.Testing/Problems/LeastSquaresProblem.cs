using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Testing.Problems;

/// <summary>
/// A small linear least-squares fit: 32 rows, 4 features with values k/7 - 1 + 0.1 sin(k) (no random
/// draws, so every platform builds the same data), targets from known weights plus a fixed perturbation;
/// loss mean((X w + b - y)²) / 2 from w = 0, b = 0.
/// </summary>
public sealed class LeastSquaresProblem : TestProblem
{
    private const int Rows = 32, Features = 4;
    private static readonly HeldScalars Constants = new();
    private static readonly TorchSharp.Scalar Two = Constants.Hold(2.0), One = Constants.Hold(1.0);
    private static readonly double[] TrueWeights = [1.5, -2.0, 0.5, 3.0];
    private static readonly double[] Data = Enumerable.Range(0, Rows * Features).Select(k => (k % 15) / 7.0 - 1 + 0.1 * Math.Sin(k)).ToArray();
    private static readonly double[] Targets = Enumerable.Range(0, Rows)
        .Select(r => Enumerable.Range(0, Features).Sum(f => Data[r * Features + f] * TrueWeights[f]) + 0.25 + 0.05 * Math.Cos(r))
        .ToArray();

    /// <inheritdoc />
    public override string Name => "least squares";

    /// <inheritdoc />
    public override ParameterSet CreateParameters(ScalarType dtype) =>
        new([Parameter("w", new double[Features], [Features, 1], dtype), Parameter("b", [0.0], [1], dtype)]);

    /// <inheritdoc />
    public override Tensor Loss(ParameterSet parameters)
    {
        var w = parameters[0];
        var b = parameters[1];
        var x = tensor(Data, dtype: ScalarType.Float64).reshape(Rows, Features).to_type(w.dtype);
        var y = tensor(Targets, dtype: ScalarType.Float64).reshape(Rows, 1).to_type(w.dtype);
        var residual = x.matmul(w).add(b, One).sub(y);
        return residual.mul(residual).mean().div(Two);
    }
}
