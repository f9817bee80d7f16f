using System.Security.Cryptography;
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

    /// <summary>
    /// The most parameter values a trial's result carries (the 2-D paths, the regression weights, small models);
    /// a larger model's final values are summarized by <see cref="Sha256"/> alone, so that a run's result, its worker
    /// message and its <c>result.json</c> stay small (a 3.3-million-parameter CNN as JSON text is 170 MB a trial).
    /// </summary>
    public const int KeptMax = 10_000;

    /// <summary>
    /// The SHA-256 (lowercase hex) of <paramref name="values"/> as float64 little-endian bytes: two runs ended with
    /// bitwise the same parameters exactly when their hashes are equal.
    /// </summary>
    public static string Sha256(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>True when every value of every parameter is finite.</summary>
    public static bool AllFinite(ParameterSet parameters)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return parameters.All(p => isfinite(p).all().item<bool>());
    }

    /// <summary>
    /// Clears every gradient before the backward pass, as PyTorch's <c>zero_grad()</c> does by default since 2.0
    /// (<c>set_to_none=True</c>): the backward pass then writes each gradient afresh instead of adding it to zeros,
    /// which saves a fill and an add per parameter and gives the same values.
    /// </summary>
    public static void ZeroGrad(ParameterSet parameters)
    {
        foreach (var p in parameters)
        {
            p.grad = null;
        }
    }
}
