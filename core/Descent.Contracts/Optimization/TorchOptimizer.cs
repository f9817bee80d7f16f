using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// Base for optimizers backed by one of TorchSharp's built-in optimizers (<c>torch.optim.*</c>).
/// A derived class only builds the inner optimizer from its options.
/// </summary>
/// <remarks>
/// The inner optimizer must override <c>step</c>: TorchSharp 0.107's own steps pass bare doubles where
/// it takes a <see cref="TorchSharp.Scalar"/>, and such a temporary can be freed by its finalizer while
/// the native call still reads it (<see cref="HeldScalars"/> says how). The bundled <c>torch-*</c>
/// optimizers derive from TorchSharp's class and repeat its step with <see cref="HeldScalars"/>: the same
/// operations on the same values, so the same bits, and TorchSharp's own state and state format.
/// A schedule sets the rate through TorchSharp's param groups (<see cref="LearningRate"/>), which its steps read every time.
/// </remarks>
public abstract class TorchOptimizer : IScheduledOptimizer
{
    private readonly OptimizerHelper inner;
    private bool disposed;

    /// <summary>Wraps <paramref name="inner"/>, which this instance then owns.</summary>
    /// <exception cref="ArgumentException">The inner optimizer steps with TorchSharp's own <c>step</c>.</exception>
    protected TorchOptimizer(OptimizerHelper inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var step = inner.GetType().GetMethod(nameof(OptimizerHelper.step), [typeof(Func<Tensor>)])!;
        if (step.DeclaringType!.Assembly == typeof(OptimizerHelper).Assembly)
        {
            inner.Dispose();
            throw new ArgumentException(
                $"{inner.GetType().FullName} steps with TorchSharp's own step(), whose temporary Scalars the finalizer can free " +
                "while a native call reads them. Derive from it and override step() holding every Scalar in HeldScalars " +
                "(as Descent.Optimizers.TorchAdam.Adam does).",
                nameof(inner));
        }

        this.inner = inner;
    }

    /// <summary>
    /// The first param group's rate. Setting it sets every group's to <c>value · initial_lr(group) / initial_lr(first group)</c>,
    /// as PyTorch's schedulers scale each group from its own <c>initial_lr</c> (one group: the value itself).
    /// </summary>
    public double LearningRate
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return inner.ParamGroups.First().LearningRate;
        }

        set
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A learning rate is finite and not negative.");
            }

            double first = inner.ParamGroups.First().InitialLearningRate;
            foreach (var group in inner.ParamGroups)
            {
                group.LearningRate = group.InitialLearningRate == first ? value : value * (group.InitialLearningRate / first);
            }
        }
    }

    /// <inheritdoc />
    public void Step()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var scope = NewDisposeScope();
        inner.step();
    }

    /// <inheritdoc />
    public void SaveState(Stream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        inner.save_state_dict(writer);
    }

    /// <inheritdoc />
    public void LoadState(Stream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        inner.load_state_dict(reader);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the inner optimizer.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (disposing)
        {
            inner.Dispose();
        }
    }
}
