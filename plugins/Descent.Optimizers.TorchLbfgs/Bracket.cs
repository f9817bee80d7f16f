using static TorchSharp.torch;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>
/// The strong Wolfe search's bracket: one point that satisfies the conditions, or two steps around one, each with its
/// loss, gradient and slope along d; and the zoom that shrinks it (PyTorch's <c>_strong_wolfe</c>, second phase).
/// </summary>
internal sealed class Bracket
{
    private readonly Point[] points;
    private int low;
    private int high;

    /// <summary>A bracket of one or two points; the low point is the one with the smaller loss (the first on a tie).</summary>
    public Bracket(params Point[] points)
    {
        this.points = points;
        Order();
    }

    /// <summary>The point with the lowest loss: the search's result.</summary>
    public Point Low => points[low];

    /// <summary>
    /// Interpolates inside the bracket until a point satisfies the strong Wolfe conditions (<paramref name="done"/>), the search
    /// has made <see cref="StrongWolfe.MaxEvaluations"/> evaluations, or the bracket times <paramref name="dNorm"/> is below <paramref name="toleranceChange"/>.
    /// </summary>
    public void Zoom(Func<double, (double Loss, Tensor Gradient)> evaluate, Tensor d, double dNorm, double f, double gtd, bool done, ref int iterations, ref int evaluations, double toleranceChange)
    {
        bool insufficientProgress = false;
        while (!done && iterations < StrongWolfe.MaxEvaluations)
        {
            if (Math.Abs(points[1].Step - points[0].Step) * dNorm < toleranceChange)
            {
                break;
            }

            double t = CubicInterpolation.Minimize(points[0].Step, points[0].Loss, points[0].Slope, points[1].Step, points[1].Loss, points[1].Slope);

            // A step this close to an end makes little progress: twice in a row, or at an end, move it 0.1 of the bracket inside.
            double upper = Python.Max(points[0].Step, points[1].Step);
            double lower = Python.Min(points[0].Step, points[1].Step);
            double eps = 0.1 * (upper - lower);
            if (Python.Min(upper - t, t - lower) < eps)
            {
                if (insufficientProgress || t >= upper || t <= lower)
                {
                    t = Math.Abs(t - upper) < Math.Abs(t - lower) ? upper - eps : lower + eps;
                    insufficientProgress = false;
                }
                else
                {
                    insufficientProgress = true;
                }
            }
            else
            {
                insufficientProgress = false;
            }

            var (fNew, gNew) = evaluate(t);
            evaluations++;
            double gtdNew = StrongWolfe.Read(gNew.dot(d));
            iterations++;

            if (fNew > f + (StrongWolfe.C1 * t * gtd) || fNew >= points[low].Loss)
            {
                // Armijo condition not satisfied, or not lower than the lowest point.
                points[high] = new Point(t, fNew, gNew.clone(), gtdNew);
                Order();
            }
            else
            {
                if (Math.Abs(gtdNew) <= -StrongWolfe.C2 * gtd)
                {
                    done = true;
                }
                else if (gtdNew * (points[high].Step - points[low].Step) >= 0)
                {
                    // The old high becomes the new low's partner on the other side.
                    points[high] = points[low];
                }

                points[low] = new Point(t, fNew, gNew.clone(), gtdNew);
            }
        }
    }

    private void Order() => (low, high) = points[0].Loss <= points[^1].Loss ? (0, 1) : (1, 0);

    /// <summary>A step along d with the loss, the flat gradient and the slope gᵀd there.</summary>
    public readonly record struct Point(double Step, double Loss, Tensor Gradient, double Slope);
}
