using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>
/// The parameters seen as one flat vector, as PyTorch's LBFGS sees them (<c>_gather_flat_grad</c>, <c>_add_grad</c>,
/// <c>_clone_param</c>, <c>_set_param</c>). Call under <c>no_grad</c>; the tensors returned belong to the caller's dispose scope.
/// </summary>
internal sealed class FlatParameters(ParameterSet parameters)
{
    /// <summary>Every parameter's gradient, flattened and concatenated (zeros for a parameter without one): a new tensor.</summary>
    public Tensor Gradient()
    {
        var views = parameters.Select(p => p.grad is { } g ? g.view(-1) : zeros(p.numel(), p.dtype, p.device)).ToArray();
        return cat(views, 0);
    }

    /// <summary><c>p ← p + step · update</c> for the slice of <paramref name="update"/> that is each parameter.</summary>
    public void Add(double step, Tensor update, HeldScalars scalars)
    {
        var alpha = scalars.Hold(step);
        long offset = 0;
        foreach (var p in parameters)
        {
            long count = p.numel();
            p.add_(update.narrow(0, offset, count).view_as(p), alpha);
            offset += count;
        }
    }

    /// <summary>A copy of every parameter.</summary>
    public Tensor[] Clone() => parameters.Select(p => p.clone()).ToArray();

    /// <summary>Copies <paramref name="values"/> (from <see cref="Clone"/>) back into the parameters.</summary>
    public void Set(Tensor[] values)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].copy_(values[i]);
        }
    }
}
