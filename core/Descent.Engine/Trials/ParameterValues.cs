using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Engine.Trials;

/// <summary>Copies parameter values out of tensors as float64, flattened in parameter order.</summary>
public static class ParameterValues
{
    /// <summary>All values of all parameters.</summary>
    public static double[] Read(ParameterSet parameters)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = new double[parameters.ElementCount];
        int offset = 0;
        foreach (var p in parameters)
        {
            var flat = p.detach().reshape(-1).to(ScalarType.Float64, CPU).data<double>();
            flat.CopyTo(values, offset);
            offset += (int)flat.Count;
        }

        return values;
    }

    /// <summary>True when every value of every parameter is finite.</summary>
    public static bool AllFinite(ParameterSet parameters)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return parameters.All(p => isfinite(p).all().item<bool>());
    }

    /// <summary>Zeroes every gradient in place (before the backward pass).</summary>
    public static void ZeroGrad(ParameterSet parameters)
    {
        foreach (var p in parameters)
        {
            using var grad = p.grad;
            grad?.zero_();
        }
    }
}
