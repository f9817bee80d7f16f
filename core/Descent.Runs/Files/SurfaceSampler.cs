using Descent.Contracts;
using Descent.Engine.Composition;
using Descent.Engine.Trials;
using Descent.Plotting;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace Descent.Runs.Files;

/// <summary>
/// Samples a trial's analytic objective over a window that shows both the function's shape (its
/// display window) and a path taken on it, so the path can be drawn over contours. Creates its own
/// instance of the objective, in float64, so it works after the trial (or from a stored run).
/// </summary>
public static class SurfaceSampler
{
    /// <summary>The sample, or null when the objective is not analytic or has more than 2 dimensions.</summary>
    /// <param name="services">The engine's root service provider.</param>
    /// <param name="trial">The trial whose objective to sample.</param>
    /// <param name="path">Points visited (each with the objective's dimension); may be empty.</param>
    /// <param name="resolution">Grid points per coordinate.</param>
    public static SurfaceSample? Sample(IServiceProvider services, ResolvedTrial trial, IReadOnlyList<IReadOnlyList<double>> path, int resolution = 121)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        if (trial.UsesData)
        {
            return null;
        }

        var analyticTrial = trial with { DType = ScalarType.Float64, Device = "cpu" };
        using var scope = TrialScope.Open(services, analyticTrial, analyticTrial.CreateContext(DataLocations.None));
        using var tensors = NewDisposeScope();
        using var noGrad = no_grad();
        if (scope.ServiceProvider.GetRequiredService<IObjective>() is not IAnalyticObjective objective || objective.Dimension > 2)
        {
            return null;
        }

        var window = Window(objective.DisplayWindow, path.Where(p => p.Count == objective.Dimension && p.All(double.IsFinite)).ToArray());
        var x1 = Grid(window[0], resolution);
        if (objective.Dimension == 1)
        {
            var values = objective.Evaluate(tensor(x1, dtype: ScalarType.Float64).reshape(-1, 1)).data<double>().ToArray();
            return new SurfaceSample(x1, null, values);
        }

        var x2 = Grid(window[1], resolution);
        var points = new double[x1.Length * x2.Length * 2];
        for (int j = 0; j < x2.Length; j++)
        {
            for (int i = 0; i < x1.Length; i++)
            {
                int k = ((j * x1.Length) + i) * 2;
                points[k] = x1[i];
                points[k + 1] = x2[j];
            }
        }

        var grid = objective.Evaluate(tensor(points, dtype: ScalarType.Float64).reshape(-1, 2)).data<double>().ToArray();
        return new SurfaceSample(x1, x2, grid);
    }

    /// <summary>The display window widened to hold every path point, plus 5% padding where the path sticks out.</summary>
    public static Interval[] Window(IReadOnlyList<Interval> display, IReadOnlyList<IReadOnlyList<double>> path)
    {
        var window = new Interval[display.Count];
        for (int d = 0; d < display.Count; d++)
        {
            double lower = display[d].Lower, upper = display[d].Upper;
            double pathLower = path.Count == 0 ? lower : path.Min(p => p[d]);
            double pathUpper = path.Count == 0 ? upper : path.Max(p => p[d]);
            double pad = 0.05 * Math.Max(pathUpper - pathLower, upper - lower);
            window[d] = new Interval(
                pathLower < lower ? pathLower - pad : lower,
                pathUpper > upper ? pathUpper + pad : upper);
        }

        return window;
    }

    private static double[] Grid(Interval interval, int points) =>
        Enumerable.Range(0, points).Select(i => interval.Lower + ((interval.Upper - interval.Lower) * i / (points - 1))).ToArray();
}
