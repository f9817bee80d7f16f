using Descent.Contracts;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>Hyperparameters of <see cref="TorchLbfgs"/>, with the names and defaults of PyTorch's <c>torch.optim.LBFGS</c>.</summary>
public sealed class TorchLbfgsOptions
{
    /// <summary>The line search's no-search value: a fixed step of <see cref="Lr"/> (PyTorch's <c>line_search_fn=None</c>).</summary>
    public const string NoLineSearch = "none";

    /// <summary>The strong Wolfe line search (PyTorch's <c>line_search_fn="strong_wolfe"</c>).</summary>
    public const string StrongWolfe = "strong_wolfe";

    /// <summary>Learning rate: the step length (the first trial step of the line search after the first iteration).</summary>
    [Hyperparameter("lr", Description = "learning rate (step length; the line search's first trial step)", Minimum = 0)]
    public double Lr { get; set; } = 1;

    /// <summary>Most iterations per step (per <c>step(closure)</c>).</summary>
    [Hyperparameter("max_iter", Description = "most iterations per step", Minimum = 1)]
    public int MaxIter { get; set; } = 20;

    /// <summary>Most closure calls per step; 0 stands for PyTorch's None, <c>max_iter * 5 / 4</c> (integer division).</summary>
    [Hyperparameter("max_eval", Description = "most closure calls per step; 0: max_iter * 5 / 4 (PyTorch's None)", Minimum = 0)]
    public int MaxEval { get; set; }

    /// <summary>Stop when the largest absolute gradient entry is at most this (first-order optimality).</summary>
    [Hyperparameter("tolerance_grad", Description = "stop when max |gradient| <= tolerance_grad", Minimum = 0)]
    public double ToleranceGrad { get; set; } = 1e-7;

    /// <summary>Stop when the step or the change of the loss is smaller than this.</summary>
    [Hyperparameter("tolerance_change", Description = "stop when the step or the loss change is below tolerance_change", Minimum = 0)]
    public double ToleranceChange { get; set; } = 1e-9;

    /// <summary>Number of curvature pairs (s, y) kept for the inverse-Hessian estimate.</summary>
    [Hyperparameter("history_size", Description = "number of curvature pairs kept", Minimum = 1)]
    public int HistorySize { get; set; } = 100;

    /// <summary>The line search: <c>none</c> (a fixed step of lr) or <c>strong_wolfe</c>.</summary>
    [Hyperparameter("line_search_fn", Description = "line search: none (fixed step lr) or strong_wolfe", Choices = [NoLineSearch, StrongWolfe])]
    public string LineSearchFn { get; set; } = NoLineSearch;

    /// <summary>The most closure calls per step: <see cref="MaxEval"/>, or <c>max_iter * 5 / 4</c> when it is 0.</summary>
    public int EffectiveMaxEval => MaxEval == 0 ? MaxIter * 5 / 4 : MaxEval;
}
