using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Objectives.Quadratic;

/// <summary>
/// The Hessian of DeepOBS's <c>quadratic_deep</c>: H = R^T diag(λ) R with 90 % of the eigenvalues λ uniform in
/// [0, 1) and 10 % uniform in [30, 60) ("an eigenspectrum which has been reported for Deep Learning",
/// Chaudhari et al. 2016, arXiv:1611.01838), rotated by a random orthogonal R (<see cref="RandomRotation"/>).
/// DeepOBS fixes dim = 100 (90 small, 10 large) and draws from <c>np.random.RandomState(42)</c>; here the
/// large ones are dim / 10 (integer division) and the draws come from <c>hessian_seed</c>, so the matrix has
/// DeepOBS's design, not its exact numbers.
/// </summary>
/// <param name="Dimension">dim.</param>
/// <param name="Eigenvalues">λ in the order drawn: dim - dim / 10 small ones, then dim / 10 large ones.</param>
/// <param name="Rotation">R, dim x dim, row-major, orthogonal.</param>
/// <param name="Matrix">H = R^T diag(λ) R, dim x dim, row-major, exactly symmetric.</param>
public sealed record QuadraticHessian(int Dimension, double[] Eigenvalues, double[] Rotation, double[] Matrix)
{
    /// <summary>The interval of the small eigenvalues (DeepOBS: <c>rng.uniform(0., 1., 90)</c>).</summary>
    public static readonly (double Low, double High) SmallEigenvalues = (0, 1);

    /// <summary>The interval of the large eigenvalues (DeepOBS: <c>rng.uniform(30., 60., 10)</c>).</summary>
    public static readonly (double Low, double High) LargeEigenvalues = (30, 60);

    /// <summary>How many of <paramref name="dim"/> eigenvalues are large: dim / 10 (DeepOBS: 10 of 100).</summary>
    public static int LargeCount(int dim) => dim / 10;

    /// <summary>
    /// Draws the Hessian for <paramref name="seed"/> in float64 on the CPU from one libtorch generator, seeded by
    /// <see cref="SeedSequence.Derive"/>(seed, <c>"noisy-quadratic/hessian"</c>): the small eigenvalues, the large
    /// ones, the rotation angle, then the rotation's normal vectors. Equal arguments give bit-identical matrices.
    /// </summary>
    public static QuadraticHessian Create(int dim, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)SeedSequence.Derive(seed, "noisy-quadratic/hessian"), CPU);
        int large = LargeCount(dim), small = dim - large;
        var eigenvalues = Uniform(generator, small, SmallEigenvalues).Concat(Uniform(generator, large, LargeEigenvalues)).ToArray();
        double angle = Uniform(generator, 1, (0, 1))[0];
        var rotation = RandomRotation.Create(dim, angle, n => Values(randn(n, dtype: ScalarType.Float64, generator: generator)));
        return new QuadraticHessian(dim, eigenvalues, rotation, Rotate(rotation, eigenvalues, dim));
    }

    /// <summary>H as a dim x dim tensor in <paramref name="dtype"/> on <paramref name="device"/> (in the caller's dispose scope).</summary>
    public Tensor ToTensor(ScalarType dtype, Device device) =>
        tensor(Matrix, [Dimension, Dimension], ScalarType.Float64).to(dtype, device);

    /// <summary>R^T diag(λ) R, computed for i &lt;= j and mirrored so that H is symmetric to the bit.</summary>
    private static double[] Rotate(double[] r, double[] eigenvalues, int n)
    {
        var h = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += r[(k * n) + i] * eigenvalues[k] * r[(k * n) + j];
                }

                h[(i * n) + j] = sum;
                h[(j * n) + i] = sum;
            }
        }

        return h;
    }

    private static double[] Uniform(Generator generator, int count, (double Low, double High) range)
    {
        var unit = Values(rand(count, dtype: ScalarType.Float64, generator: generator));
        return unit.Select(u => range.Low + ((range.High - range.Low) * u)).ToArray();
    }

    private static double[] Values(Tensor t) => t.data<double>().ToArray();
}
