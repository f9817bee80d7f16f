using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>
/// PyTorch's <c>_strong_wolfe</c> line search (ported there from torch/optim's lswolfe.lua; Nocedal and Wright 2006,
/// algorithms 3.5 and 3.6): bracket a step that satisfies the strong Wolfe conditions
/// <c>f(x + t d) ≤ f(x) + c1 t gᵀd</c> and <c>|g(x + t d)ᵀd| ≤ −c2 gᵀd</c>, extrapolating by cubic interpolation,
/// then zoom into the bracket. The same branches, in the same order, with the same constants.
/// </summary>
internal static class StrongWolfe
{
    /// <summary>Sufficient decrease constant (PyTorch's default c1).</summary>
    internal const double C1 = 1e-4;

    /// <summary>Curvature constant (PyTorch's default c2).</summary>
    internal const double C2 = 0.9;

    /// <summary>Most evaluations of the search (PyTorch's default max_ls).</summary>
    internal const int MaxEvaluations = 25;

    /// <summary>
    /// Searches along <paramref name="d"/> from t = <paramref name="t"/>. <paramref name="evaluate"/> returns the loss and the
    /// flat gradient at x + t·d (and leaves the parameters at x). <paramref name="toleranceChange"/> stops the zoom when the
    /// bracket times max |d| is smaller (PyTorch's LBFGS passes none, so its default 1e-9 applies whatever tolerance_change is).
    /// </summary>
    public static LineSearchResult Search(Func<double, (double Loss, Tensor Gradient)> evaluate, double t, Tensor d, double f, Tensor g, double gtd, double toleranceChange = 1e-9)
    {
        double dNorm = Read(d.abs().max());
        g = g.clone();
        var (fNew, gNew) = evaluate(t);
        int evaluations = 1;
        double gtdNew = Read(gNew.dot(d));

        // Bracket an interval containing a point satisfying the Wolfe criteria.
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        var gPrev = g;
        bool done = false;
        int iterations = 0;
        Bracket? bracket = null;
        while (iterations < MaxEvaluations)
        {
            if (fNew > f + (C1 * t * gtd) || (iterations > 1 && fNew >= fPrev))
            {
                bracket = new Bracket(new Bracket.Point(tPrev, fPrev, gPrev, gtdPrev), new Bracket.Point(t, fNew, gNew.clone(), gtdNew));
                break;
            }

            if (Math.Abs(gtdNew) <= -C2 * gtd)
            {
                bracket = new Bracket(new Bracket.Point(t, fNew, gNew, gtdNew));
                done = true;
                break;
            }

            if (gtdNew >= 0)
            {
                bracket = new Bracket(new Bracket.Point(tPrev, fPrev, gPrev, gtdPrev), new Bracket.Point(t, fNew, gNew.clone(), gtdNew));
                break;
            }

            // Extrapolate by cubic interpolation, between 1.01 t and 10 t.
            double minStep = t + (0.01 * (t - tPrev));
            double maxStep = t * 10;
            double previous = t;
            t = CubicInterpolation.Minimize(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, (minStep, maxStep));

            tPrev = previous;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            (fNew, gNew) = evaluate(t);
            evaluations++;
            gtdNew = Read(gNew.dot(d));
            iterations++;
        }

        if (iterations == MaxEvaluations)
        {
            // PyTorch keeps no slopes here: the zoom below does not run.
            bracket = new Bracket(new Bracket.Point(0, f, g, double.NaN), new Bracket.Point(t, fNew, gNew, double.NaN));
        }

        bracket!.Zoom(evaluate, d, dNorm, f, gtd, done, ref iterations, ref evaluations, toleranceChange);
        var (step, loss, gradient, _) = bracket.Low;
        return new LineSearchResult(loss, gradient, step, evaluations);
    }

    /// <summary>The value of a scalar tensor (through a Scalar disposed here; <c>HeldScalars</c> says why not <c>ToDouble</c>).</summary>
    internal static double Read(Tensor scalar)
    {
        using var value = scalar.ToScalar();
        return value.ToDouble();
    }
}
