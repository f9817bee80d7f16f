using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// What every plugin of a trial may need to know about it: its seed, number type and device, and
/// where data lives. Random numbers come from <see cref="CreateGenerator"/>, one stream per purpose,
/// so that (for example) changing the batch order never changes the initial weights.
/// </summary>
public sealed class TrialContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="seed">The trial's seed.</param>
    /// <param name="dtype">Number type of parameters and data (float32 or float64).</param>
    /// <param name="device">Where tensors live.</param>
    /// <param name="data">Where datasets look for and cache their files.</param>
    public TrialContext(long seed, ScalarType dtype, Device device, DataLocations? data = null)
    {
        if (dtype is not (ScalarType.Float32 or ScalarType.Float64))
        {
            throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "A trial computes in float32 or float64.");
        }

        Seed = seed;
        DType = dtype;
        Device = device;
        Data = data ?? DataLocations.None;
    }

    /// <summary>The trial's seed.</summary>
    public long Seed { get; }

    /// <summary>float32 or float64.</summary>
    public ScalarType DType { get; }

    /// <summary>CPU or a CUDA device.</summary>
    public Device Device { get; }

    /// <summary>Where datasets look for files.</summary>
    public DataLocations Data { get; }

    /// <summary>A seed for one purpose (e.g. <c>init</c>, <c>shuffle</c>, <c>gradient-noise</c>), derived from the trial's seed.</summary>
    public long SeedFor(string purpose) => SeedSequence.Derive(Seed, purpose);

    /// <summary>
    /// A new CPU generator for one purpose. Draw on the CPU and move the result to <see cref="Device"/>,
    /// so that numbers do not depend on the device. The caller disposes it.
    /// </summary>
    public Generator CreateGenerator(string purpose) => new((ulong)SeedFor(purpose), CPU);
}
