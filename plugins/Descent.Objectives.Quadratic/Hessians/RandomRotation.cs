namespace Descent.Objectives.Quadratic;

/// <summary>
/// A random orthogonal matrix by the subgroup algorithm of Diaconis and Shahshahani ("The subgroup algorithm for
/// generating uniform random variables", Probability in the Engineering and Informational Sciences 1, 1987), the
/// construction DeepOBS's <c>quadratic_deep</c> uses (its <c>random_rotation</c>): start from a 2-D rotation by a
/// uniform angle, then for n = 3 .. dim embed the (n-1)-matrix as <c>diag(1, R)</c> and reflect it by the
/// Householder reflection that maps e1 to a uniform point of the unit sphere. DeepOBS negates the result to fix its
/// determinant; a Hessian R^T Λ R does not see the sign, so it is left out here.
/// </summary>
public static class RandomRotation
{
    /// <summary>
    /// The dim x dim orthogonal matrix, row-major, drawn from <paramref name="angle"/> (uniform in [0, 1), the first
    /// draw) and <paramref name="normal"/> (standard normal vectors of length n, for n = 3 .. dim, in that order).
    /// </summary>
    public static double[] Create(int dim, double angle, Func<int, double[]> normal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        ArgumentNullException.ThrowIfNull(normal);
        if (dim == 1)
        {
            return [1.0];
        }

        double t = 2 * Math.PI * angle, c = Math.Cos(t), s = Math.Sin(t);
        double[] r = [c, s, -s, c];
        for (int n = 3; n <= dim; n++)
        {
            r = Reflect(Embed(r, n - 1), n, normal(n));
        }

        return r;
    }

    /// <summary>diag(1, R) for the m x m matrix R.</summary>
    private static double[] Embed(double[] r, int m)
    {
        int n = m + 1;
        var e = new double[n * n];
        e[0] = 1;
        for (int i = 0; i < m; i++)
        {
            Array.Copy(r, i * m, e, ((i + 1) * n) + 1, m);
        }

        return e;
    }

    /// <summary>
    /// (I - 2 w w^T) M with w = (e1 - v) / |e1 - v| for v the normal vector scaled to unit length: the reflection
    /// that swaps e1 and v. When v is e1 itself there is nothing to reflect.
    /// </summary>
    private static double[] Reflect(double[] m, int n, double[] v)
    {
        if (v.Length != n)
        {
            throw new ArgumentException($"expected a normal vector of length {n}, got {v.Length}", nameof(v));
        }

        double norm = Math.Sqrt(v.Sum(x => x * x));
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = (i == 0 ? 1 : 0) - (v[i] / norm);
        }

        double length = Math.Sqrt(w.Sum(x => x * x));
        if (length == 0)
        {
            return m;
        }

        for (int i = 0; i < n; i++)
        {
            w[i] /= length;
        }

        // wm = w^T M, then M - 2 w wm.
        var wm = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                wm[j] += w[i] * m[(i * n) + j];
            }
        }

        var result = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                result[(i * n) + j] = m[(i * n) + j] - (2 * w[i] * wm[j]);
            }
        }

        return result;
    }
}
