using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Testing.Problems;

/// <summary>
/// A small deterministic problem an optimizer is run on: its parameters at a fixed start, and a loss.
/// The parameters belong to the caller (dispose them), the loss to the caller's dispose scope.
/// </summary>
public abstract class TestProblem
{
    /// <summary>The problem's name in check messages.</summary>
    public abstract string Name { get; }

    /// <summary>Fresh parameters at the start point, in <paramref name="dtype"/>, requiring gradients.</summary>
    public abstract ParameterSet CreateParameters(ScalarType dtype);

    /// <summary>The loss at <paramref name="parameters"/> (a scalar that autograd can differentiate).</summary>
    public abstract Tensor Loss(ParameterSet parameters);

    /// <summary>The loss as a double, without gradients.</summary>
    public double LossValue(ParameterSet parameters)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return Loss(parameters).to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>A named parameter holding <paramref name="values"/> with <paramref name="shape"/>.</summary>
    protected static (string, TorchSharp.Modules.Parameter) Parameter(string name, double[] values, long[] shape, ScalarType dtype)
    {
        // Built in a scope of its own so that the intermediate tensors are freed now, not by a finalizer.
        using var scope = NewDisposeScope();
        var parameter = new TorchSharp.Modules.Parameter(tensor(values, dtype: ScalarType.Float64).reshape(shape).to_type(dtype), requires_grad: true);
        parameter.DetachFromDisposeScope();
        return (name, parameter);
    }
}
