using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Testing.Problems;

/// <summary>
/// The ill-conditioned 2-D quadratic of Dive into Deep Learning's optimization chapter (the bundled
/// <c>quadratic2d</c>): f(x) = 0.1 x1² + 2 x2², from (-5, -2); minimum 0 at the origin.
/// </summary>
public sealed class QuadraticProblem : TestProblem
{
    private static readonly HeldScalars Constants = new();
    private static readonly TorchSharp.Scalar PointOne = Constants.Hold(0.1), Two = Constants.Hold(2.0), One = Constants.Hold(1.0);

    /// <inheritdoc />
    public override string Name => "quadratic2d";

    /// <inheritdoc />
    public override ParameterSet CreateParameters(ScalarType dtype) => new([Parameter("x", [-5, -2], [2], dtype)]);

    /// <inheritdoc />
    public override Tensor Loss(ParameterSet parameters)
    {
        var x = parameters[0];
        var squared = x.mul(x);
        return squared[0].mul(PointOne).add(squared[1].mul(Two), One);
    }
}
