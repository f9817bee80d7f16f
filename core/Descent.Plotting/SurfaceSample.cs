namespace Descent.Plotting;

/// <summary>
/// A function sampled on a grid, for drawing: a curve in 1-D (<see cref="X2"/> null), a
/// grid in 2-D with <see cref="Values"/> row-major, one row per <see cref="X2"/> value.
/// </summary>
/// <param name="X1">Grid positions along the first coordinate, increasing.</param>
/// <param name="X2">Grid positions along the second coordinate (2-D only), increasing.</param>
/// <param name="Values">f at each grid point: X1.Length values in 1-D, X2.Length * X1.Length in 2-D.</param>
public sealed record SurfaceSample(double[] X1, double[]? X2, double[] Values)
{
    /// <summary>1 or 2.</summary>
    public int Dimension => X2 is null ? 1 : 2;

    /// <summary>f at grid point (i, j): i along X1, j along X2.</summary>
    public double At(int i, int j = 0) => Values[(j * X1.Length) + i];
}
