using Descent.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Analytic;

/// <summary>
/// Base of the closed-form objectives: one parameter <c>x</c> (the point) starting at <c>start</c>,
/// and f written once for points of shape [..., n] so it serves both the trial and plotting.
/// With noise on, the training loss is f(x) + n·x with n drawn afresh each step (seeded), so the
/// gradient is ∇f(x) + n while the recorded loss stays f(x).
/// </summary>
public abstract class AnalyticObjective : IAnalyticObjective
{
    private readonly Parameter point;
    private readonly Generator? noise;
    private readonly HeldScalars constants = new();
    private readonly Scalar? noiseMean;
    private readonly Scalar? noiseStd;
    private bool disposed;

    /// <summary>Creates x at the start point in the trial's dtype and device.</summary>
    /// <param name="id">The objective's id, for messages.</param>
    /// <param name="options">Start point and noise.</param>
    /// <param name="dimension">The required number of coordinates, or null for any number from <paramref name="minimumDimension"/> up.</param>
    /// <param name="minimumDimension">The fewest coordinates the function is defined for.</param>
    /// <param name="context">The trial's dtype, device and seed.</param>
    protected AnalyticObjective(string id, AnalyticOptions options, int? dimension, int minimumDimension, TrialContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var start = options.Start;
        if (dimension is { } n && start.Length != n)
        {
            throw new TrialSetupException($"objective '{id}' is {n}-dimensional, but the start point has {start.Length} coordinates ({string.Join(",", start)})");
        }

        if (start.Length < minimumDimension)
        {
            throw new TrialSetupException($"objective '{id}' needs at least {minimumDimension} coordinates, but the start point has {start.Length} ({string.Join(",", start)})");
        }

        Dimension = start.Length;
        One = Hold(1);
        Two = Hold(2);
        using var noGrad = no_grad();
        point = new Parameter(tensor(start, dtype: context.DType, device: context.Device), requires_grad: true);
        point.DetachFromDisposeScope();
        Parameters = new ParameterSet([("x", point)]);
        if (options.NoiseStd > 0 || options.NoiseMean != 0)
        {
            noise = context.CreateGenerator("gradient-noise");
            noiseMean = Hold(options.NoiseMean);
            noiseStd = Hold(options.NoiseStd);
        }
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public ParameterSet Parameters { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<Interval> DisplayWindow { get; }

    /// <summary>f at points of shape [..., n]; returns shape [...].</summary>
    protected abstract Tensor Function(Tensor x);

    /// <inheritdoc />
    public Tensor Loss(Batch batch) => Function(point);

    /// <inheritdoc />
    public Tensor TrainingLoss(Batch batch)
    {
        var value = Function(point);
        if (noise is null)
        {
            return value;
        }

        var draw = randn([Dimension], dtype: ScalarType.Float64, generator: noise).mul_(noiseStd!).add_(noiseMean!, One)
            .to(point.dtype, point.device);
        return value.add((draw * point).sum(), One);
    }

    /// <inheritdoc />
    public Tensor Evaluate(Tensor points) => Function(points);

    /// <summary>
    /// A held 1, the alpha to pass to <c>add</c> (<c>a.add(b, One)</c>, not <c>a + b</c> or <c>a.add(b)</c>,
    /// whose alpha of 1 TorchSharp makes a temporary Scalar; <see cref="HeldScalars"/> says why).
    /// </summary>
    protected Scalar One { get; }

    /// <summary>A held 2, the exponent for squares (<c>x.pow(Two)</c>, not <c>x.square()</c>, which is <c>pow</c> of a temporary 2).</summary>
    protected Scalar Two { get; }

    /// <summary>A constant for <see cref="Function"/>, held (and disposed) with the objective; <see cref="HeldScalars"/> says why.</summary>
    protected Scalar Hold(double value) => constants.Hold(value);

    /// <summary>Coordinate <paramref name="i"/> of points of shape [..., n].</summary>
    protected static Tensor Coordinate(Tensor x, int i) => x.select(-1, i);

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        point.Dispose();
        noise?.Dispose();
        constants.Dispose();
        GC.SuppressFinalize(this);
    }
}
