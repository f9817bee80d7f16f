using Descent.Contracts;
using static TorchSharp.torch;

namespace Descent.Optimizers.TorchLbfgs;

/// <summary>
/// PyTorch's <c>torch.optim.LBFGS</c> (Nocedal 1980; Liu and Nocedal 1989; PyTorch's follows minFunc), ported from
/// torch/optim/lbfgs.py: one <see cref="Step(Func{Tensor})"/> is one <c>optimizer.step(closure)</c>, up to <c>max_iter</c>
/// iterations and <c>max_eval</c> closure calls. Each iteration takes the direction d = −H g from the two-loop recursion
/// over the last <c>history_size</c> pairs (s, y) (pairs with yᵀs ≤ 1e-10 are skipped) with H₀ = (yᵀs/yᵀy) I, and steps
/// t·d with t = lr (the first iteration of all: min(1, 1/‖g‖₁)·lr), fixed or found by the strong Wolfe line search.
/// </summary>
/// <remarks>
/// Why a port and not TorchSharp's <c>torch.optim.LBFGS</c>: TorchSharp 0.107 wraps libtorch's C++ LBFGS without a
/// line search option. The port keeps PyTorch's operations and their order; PyTorch's 0-dimensional tensors
/// (ys, ρ, H_diag, the α's, gᵀd) are doubles here, the same numbers when the parameters are float64.
/// Stops early, as PyTorch does, when max |g| ≤ tolerance_grad, gᵀd > −tolerance_change, max |t·d| ≤ tolerance_change or
/// the loss changes by less than tolerance_change. A schedule sets <c>lr</c>.
/// </remarks>
public sealed class TorchLbfgs : IClosureOptimizer, IScheduledOptimizer
{
    private readonly TorchLbfgsOptions options;
    private readonly ParameterSet parameters;
    private readonly FlatParameters flat;
    private readonly LbfgsState state = new();
    private double learningRate;
    private bool disposed;

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    public TorchLbfgs(TorchLbfgsOptions options, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        this.options = options;
        this.parameters = parameters;
        flat = new FlatParameters(parameters);
        learningRate = options.Lr;
    }

    /// <summary>The step length (lr) of the next step.</summary>
    public double LearningRate
    {
        get => learningRate;
        set
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A learning rate is finite and not negative.");
            }

            learningRate = value;
        }
    }

    /// <summary>Closure calls over every step so far (PyTorch's <c>state["func_evals"]</c>).</summary>
    public long FunctionEvaluations => state.FuncEvals;

    /// <summary>Iterations over every step so far (PyTorch's <c>state["n_iter"]</c>).</summary>
    public long Iterations => state.NIter;

    /// <inheritdoc />
    public void Step() => throw new InvalidOperationException("torch-lbfgs evaluates the loss several times per step: call Step(closure)");

    /// <inheritdoc />
    public Tensor Step(Func<Tensor> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        ObjectDisposedException.ThrowIf(disposed, this);
        var originalLoss = closure();
        using var scalars = new HeldScalars();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var before = state.Tensors.ToList();
        new LbfgsStep(options, learningRate, state, flat, closure, scalars).Run(StrongWolfe.Read(originalLoss));
        state.Keep(before);
        return originalLoss;
    }

    /// <inheritdoc />
    public void SaveState(Stream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        state.Save(writer, Owner);
    }

    /// <inheritdoc />
    public void LoadState(Stream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        using var scope = NewDisposeScope();
        var like = zeros(parameters.ElementCount, parameters[0].dtype, parameters[0].device);
        state.Dispose();
        state.Load(reader, Owner, like);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        state.Dispose();
    }

    private string Owner => GetType().FullName!;
}
