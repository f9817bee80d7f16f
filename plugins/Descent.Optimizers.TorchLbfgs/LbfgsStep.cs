using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>
/// One <c>step(closure)</c> of PyTorch's LBFGS after its first closure call: the iterations, each a two-loop direction,
/// a step (fixed or strong Wolfe) and PyTorch's stopping tests, in PyTorch's order. Runs under <c>no_grad</c> in the step's
/// dispose scope; calls the closure with gradients enabled; leaves the state's new tensors for the caller to keep.
/// </summary>
internal sealed class LbfgsStep(TorchLbfgsOptions options, double lr, LbfgsState state, FlatParameters flat, Func<Tensor> closure, HeldScalars scalars)
{
    /// <summary>yᵀs at or below this skips the pair (PyTorch's constant).</summary>
    private const double CurvatureThreshold = 1e-10;

    private readonly bool lineSearch = options.LineSearchFn == TorchLbfgsOptions.StrongWolfe;

    /// <summary>Iterates from the point where the closure returned <paramref name="loss"/>, its gradient now in the parameters.</summary>
    public void Run(double loss)
    {
        int currentEvals = 1;
        state.FuncEvals++;
        var flatGrad = flat.Gradient();
        if (MaxAbs(flatGrad) <= options.ToleranceGrad)
        {
            return;
        }

        var d = state.D;
        double t = state.T;
        var prevFlatGrad = state.PrevFlatGrad;
        double prevLoss = state.PrevLoss;

        int nIter = 0;
        while (nIter < options.MaxIter)
        {
            nIter++;
            state.NIter++;

            d = state.NIter == 1 ? FirstDirection(flatGrad) : Direction(flatGrad, prevFlatGrad!, d!, t);

            if (prevFlatGrad is null)
            {
                prevFlatGrad = flatGrad.clone();
            }
            else
            {
                prevFlatGrad.copy_(flatGrad);
            }

            prevLoss = loss;

            // The first iteration of all steps at most 1 in ‖·‖₁ (t·‖g‖₁ ≤ lr): no curvature is known yet.
            t = state.NIter == 1 ? Python.Min(1.0, 1.0 / StrongWolfe.Read(flatGrad.abs().sum())) * lr : lr;

            double gtd = StrongWolfe.Read(flatGrad.dot(d));
            if (gtd > -options.ToleranceChange)
            {
                break;
            }

            int lsFuncEvals = 0;
            bool optimal = false;
            if (lineSearch)
            {
                var start = flat.Clone();
                var found = StrongWolfe.Search(step => Evaluate(start, step, d), t, d, loss, flatGrad, gtd);
                (loss, flatGrad, t, lsFuncEvals) = found;
                flat.Add(t, d, scalars);
                optimal = MaxAbs(flatGrad) <= options.ToleranceGrad;
            }
            else
            {
                flat.Add(t, d, scalars);
                if (nIter != options.MaxIter)
                {
                    // PyTorch skips the evaluation after the last iteration: the next step starts with one.
                    loss = Call();
                    flatGrad = flat.Gradient();
                    optimal = MaxAbs(flatGrad) <= options.ToleranceGrad;
                    lsFuncEvals = 1;
                }
            }

            currentEvals += lsFuncEvals;
            state.FuncEvals += lsFuncEvals;

            if (nIter == options.MaxIter || currentEvals >= options.EffectiveMaxEval || optimal)
            {
                break;
            }

            // Lack of progress.
            if (MaxAbs(d.mul(scalars.Hold(t))) <= options.ToleranceChange || Math.Abs(loss - prevLoss) < options.ToleranceChange)
            {
                break;
            }
        }

        state.D = d;
        state.T = t;
        state.PrevFlatGrad = prevFlatGrad;
        state.PrevLoss = prevLoss;
    }

    /// <summary>The first iteration of all: −g, with an empty history and H₀ = I.</summary>
    private Tensor FirstDirection(Tensor flatGrad)
    {
        state.OldDirs.Clear();
        state.OldStps.Clear();
        state.Ro.Clear();
        state.HDiag = 1;
        return flatGrad.neg();
    }

    /// <summary>Stores the pair from the last step (when yᵀs &gt; 1e-10) and returns −H g by the two-loop recursion.</summary>
    private Tensor Direction(Tensor flatGrad, Tensor prevFlatGrad, Tensor d, double t)
    {
        var y = flatGrad.sub(prevFlatGrad);
        var s = d.mul(scalars.Hold(t));
        double ys = StrongWolfe.Read(y.dot(s));
        if (ys > CurvatureThreshold)
        {
            if (state.OldDirs.Count == options.HistorySize)
            {
                // Shift the history by one; the caller disposes what the state no longer holds.
                state.OldDirs.RemoveAt(0);
                state.OldStps.RemoveAt(0);
                state.Ro.RemoveAt(0);
            }

            state.OldDirs.Add(y);
            state.OldStps.Add(s);
            state.Ro.Add(1.0 / ys);
            state.HDiag = ys / StrongWolfe.Read(y.dot(y));
        }

        int count = state.OldDirs.Count;
        var al = new double[count];
        var q = flatGrad.neg();
        for (int i = count - 1; i >= 0; i--)
        {
            al[i] = StrongWolfe.Read(state.OldStps[i].dot(q)) * state.Ro[i];
            q.add_(state.OldDirs[i], scalars.Hold(-al[i]));
        }

        var r = q.mul(scalars.Hold(state.HDiag));
        for (int i = 0; i < count; i++)
        {
            double be = StrongWolfe.Read(state.OldDirs[i].dot(r)) * state.Ro[i];
            r.add_(state.OldStps[i], scalars.Hold(al[i] - be));
        }

        return r;
    }

    /// <summary>The loss and flat gradient at x + t·d, the parameters back at x after (PyTorch's <c>_directional_evaluate</c>).</summary>
    private (double Loss, Tensor Gradient) Evaluate(Tensor[] x, double t, Tensor d)
    {
        flat.Add(t, d, scalars);
        double loss = Call();
        var gradient = flat.Gradient();
        flat.Set(x);
        return (loss, gradient);
    }

    /// <summary>Calls the closure with gradients enabled and returns its loss.</summary>
    private double Call()
    {
        using var grad = enable_grad();
        return StrongWolfe.Read(closure());
    }

    private static double MaxAbs(Tensor values) => StrongWolfe.Read(values.abs().max());
}
