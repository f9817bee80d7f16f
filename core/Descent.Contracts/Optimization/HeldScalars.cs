using TorchSharp;

namespace Descent.Contracts;

/// <summary>
/// TorchSharp scalars kept alive by their owner and disposed when it says so. Pass these, not bare
/// doubles, to tensor operations in code that runs often (an optimizer's update, a loss).
/// </summary>
/// <remarks>
/// Why: a double given where TorchSharp expects a <see cref="Scalar"/> becomes a temporary Scalar that
/// nothing references once its native handle has been read. A garbage collection during the native
/// call can then queue it for finalization, and the finalizer (on another thread) frees the native
/// scalar while the call may still read it: rarely, under allocation pressure from other threads, an
/// update reads garbage. A held Scalar stays reachable until <see cref="Clear"/> or <see cref="Dispose"/>.
/// </remarks>
public sealed class HeldScalars : IDisposable
{
    private readonly List<Scalar> held = [];

    /// <summary>A Scalar for <paramref name="value"/>, held until <see cref="Clear"/> or <see cref="Dispose"/>.</summary>
    public Scalar Hold(double value)
    {
        var scalar = value.ToScalar();
        held.Add(scalar);
        return scalar;
    }

    /// <summary>Disposes every held Scalar.</summary>
    public void Clear()
    {
        foreach (var scalar in held)
        {
            scalar.Dispose();
        }

        held.Clear();
    }

    /// <inheritdoc />
    public void Dispose() => Clear();
}
