using Descent.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace Descent.Optimizers.Sam;

/// <summary>
/// Sharpness-aware minimization (Foret et al. 2021), as davda54/sam writes it, over a base optimizer created by id:
/// with g the gradient at w, <c>e = rho · s ⊙ g / (‖s ⊙ g‖₂ + 1e-12)</c> where s = 1 (SAM) or |w| (ASAM, then e is
/// also scaled by |w| once more: <c>e = rho · w² ⊙ g / (‖|w| ⊙ g‖₂ + 1e-12)</c>); the loss is evaluated again at
/// w + e, w is restored, and the base optimizer steps with the gradient from w + e. Two closure calls per step.
/// </summary>
/// <remarks>
/// The worked example of an optimizer that composes another: the base comes from <see cref="IOptimizerFactory"/>,
/// its state is SAM's state (saved and restored as the base saves it), and the learning rate a schedule sets is the base's.
/// </remarks>
public sealed class Sam : IClosureOptimizer, IScheduledOptimizer
{
    private readonly SamOptions options;
    private readonly ParameterSet parameters;
    private readonly IOptimizer inner;
    private readonly Tensor[] saved;
    private bool disposed;

    /// <summary>Creates the base optimizer over the same parameters.</summary>
    public Sam(SamOptions options, ParameterSet parameters, IOptimizerFactory optimizers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizers);
        this.options = options;
        this.parameters = parameters;
        inner = optimizers.Create(options.Base, options.BaseHyperparameters(), parameters);
        using var noGrad = no_grad();
        saved = parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>The base optimizer's rate.</summary>
    public double LearningRate
    {
        get => Scheduled.LearningRate;
        set => Scheduled.LearningRate = value;
    }

    private IScheduledOptimizer Scheduled => inner as IScheduledOptimizer
        ?? throw new InvalidOperationException($"sam's base optimizer '{options.Base}' does not implement {nameof(IScheduledOptimizer)}, so its learning rate cannot be set");

    /// <inheritdoc />
    public void Step() => throw new InvalidOperationException("sam evaluates the loss twice per step: call Step(closure)");

    /// <inheritdoc />
    public Tensor Step(Func<Tensor> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        ObjectDisposedException.ThrowIf(disposed, this);
        var loss = closure();
        using (var scalars = new HeldScalars())
        using (no_grad())
        using (NewDisposeScope())
        {
            double norm = GradientNorm();
            var scale = scalars.Hold(options.Rho / (norm + 1e-12));
            for (int i = 0; i < parameters.Count; i++)
            {
                var p = parameters[i];
                saved[i].copy_(p);
                if (p.grad is { } g)
                {
                    var e = options.Adaptive ? p.mul(p).mul_(g).mul_(scale) : g.mul(scale);
                    p.add_(e, scalars.Hold(1));
                }
            }
        }

        closure();
        using (no_grad())
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                parameters[i].copy_(saved[i]);
            }
        }

        inner.Step();
        return loss;
    }

    /// <inheritdoc />
    public void SaveState(Stream stream) => inner.SaveState(stream);

    /// <inheritdoc />
    public void LoadState(Stream stream) => inner.LoadState(stream);

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        inner.Dispose();
        foreach (var tensor in saved)
        {
            tensor.Dispose();
        }
    }

    /// <summary>‖s ⊙ g‖₂ over every parameter: the square root of the sum of each parameter's sum of squares (davda54/sam: the norm of the per-parameter norms).</summary>
    private double GradientNorm()
    {
        double sum = 0;
        foreach (var p in parameters)
        {
            if (p.grad is { } g)
            {
                var scaled = options.Adaptive ? p.abs().mul_(g) : g;
                using var squares = scaled.mul(scaled).sum().to(ScalarType.Float64).ToScalar();
                sum += squares.ToDouble();
            }
        }

        return Math.Sqrt(sum);
    }
}
