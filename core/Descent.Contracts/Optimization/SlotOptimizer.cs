using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// Base for optimizers written with tensor operations: a fixed number of state tensors ("slots",
/// e.g. the moving averages v and s of Adam) per parameter, created as zeros when the optimizer is
/// created, updated in place, saved and restored with the step count.
/// </summary>
public abstract partial class SlotOptimizer : IOptimizer
{
    private const int StateFormat = 1;
    private readonly Tensor[][] slots;
    private readonly HeldScalars constants = new();
    private readonly HeldScalars stepScalars = new();
    private bool disposed;

    /// <summary>Creates <paramref name="slotCount"/> zero tensors shaped like each parameter.</summary>
    protected SlotOptimizer(ParameterSet parameters, int slotCount)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(slotCount);
        Parameters = parameters;
        using var noGrad = no_grad();
        slots = parameters
            .Select(p => Enumerable.Range(0, slotCount).Select(_ => zeros_like(p).DetachFromDisposeScope()).ToArray())
            .ToArray();
    }

    /// <summary>
    /// A Scalar for a value fixed for the optimizer's life (a learning rate, a decay), created once (in the
    /// constructor) and disposed with the optimizer. Use it instead of a bare double in <see cref="Update"/>;
    /// <see cref="HeldScalars"/> says why.
    /// </summary>
    protected Scalar Hold(double value) => constants.Hold(value);

    /// <summary>A Scalar for a value of this step only (e.g. a bias correction), disposed when the step ends.</summary>
    protected Scalar HoldForStep(double value) => stepScalars.Hold(value);

    /// <summary>The parameters being optimized.</summary>
    protected ParameterSet Parameters { get; }

    /// <summary>Number of completed steps; during <see cref="Update"/> it already counts the current one (t starts at 1).</summary>
    protected long StepCount { get; private set; }

    /// <inheritdoc />
    public void Step()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        StepCount++;
        RefreshLr();
        try
        {
            for (int i = 0; i < Parameters.Count; i++)
            {
                var parameter = Parameters[i];
                var gradient = parameter.grad;
                if (gradient is not null)
                {
                    Update(parameter, gradient, slots[i]);
                }
            }
        }
        finally
        {
            stepScalars.Clear();
        }
    }

    /// <summary>
    /// Updates one parameter in place from its gradient; runs under <c>no_grad</c> inside the step's
    /// dispose scope. Change <paramref name="slots"/> in place only (<c>mul_</c>, <c>add_</c>, <c>copy_</c>).
    /// </summary>
    protected abstract void Update(Tensor parameter, Tensor gradient, Tensor[] slots);

    /// <inheritdoc />
    public void SaveState(Stream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(GetType().FullName ?? GetType().Name);
        writer.Write(StateFormat);
        writer.Write(StepCount);
        writer.Write(slots.Length);
        writer.Write(slots.Length == 0 ? 0 : slots[0].Length);
        foreach (var slot in slots.SelectMany(s => s))
        {
            slot.Save(writer);
        }
    }

    /// <inheritdoc />
    public void LoadState(Stream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        string type = reader.ReadString();
        if (type != (GetType().FullName ?? GetType().Name))
        {
            throw new InvalidDataException($"Optimizer state was saved by {type}, not by {GetType().FullName}.");
        }

        int format = reader.ReadInt32();
        if (format != StateFormat)
        {
            throw new InvalidDataException($"Optimizer state format {format} is not supported (expected {StateFormat}).");
        }

        long stepCount = reader.ReadInt64();
        int parameterCount = reader.ReadInt32();
        int slotCount = reader.ReadInt32();
        if (parameterCount != slots.Length || (parameterCount > 0 && slotCount != slots[0].Length))
        {
            throw new InvalidDataException(
                $"Optimizer state holds {parameterCount} parameters x {slotCount} slots; this optimizer has {slots.Length} x {(slots.Length == 0 ? 0 : slots[0].Length)}.");
        }

        using var noGrad = no_grad();
        foreach (var slot in slots.SelectMany(s => s))
        {
            slot.Load(reader);
        }

        StepCount = stepCount;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the slots.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (disposing)
        {
            foreach (var slot in slots.SelectMany(s => s))
            {
                slot.Dispose();
            }

            constants.Dispose();
            stepScalars.Dispose();
            lrScalar?.Dispose();
        }
    }
}
