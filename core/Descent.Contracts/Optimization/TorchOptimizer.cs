using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Contracts;

/// <summary>
/// Base for optimizers backed by one of TorchSharp's built-in optimizers (<c>torch.optim.*</c>).
/// A derived class only builds the inner optimizer from its options.
/// </summary>
public abstract class TorchOptimizer : IOptimizer
{
    private readonly OptimizerHelper inner;
    private bool disposed;

    /// <summary>Wraps <paramref name="inner"/>, which this instance then owns.</summary>
    protected TorchOptimizer(OptimizerHelper inner)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
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
