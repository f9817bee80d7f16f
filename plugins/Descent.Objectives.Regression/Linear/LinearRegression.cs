using Descent.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Regression;

/// <summary>
/// The chapter's linear regression (d2l 7.3): y_hat = X w + b, loss = mean((y_hat - y)^2 / 2), with
/// w ~ N(0, init_std^2) drawn from the trial's <c>init</c> stream and b = 0. Offers its gradient in
/// closed form, r = (X w + b - y) / n, dL/dw = X^T r, dL/db = sum(r), which is what autograd computes.
/// </summary>
public sealed class LinearRegression : IGradientObjective
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly HeldScalars constants = new();
    private readonly Scalar two;
    private bool disposed;

    /// <summary>Creates w (features x 1) and b (1) for the dataset's feature count.</summary>
    public LinearRegression(LinearRegressionOptions options, TrialContext context, IDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        int features = dataset.Info.FeatureCount;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var init = context.CreateGenerator("init");
        using var initStd = options.InitStd.ToScalar();
        var w = randn([features, 1], dtype: ScalarType.Float64, generator: init).mul_(initStd).to(context.DType, context.Device);
        weight = new Parameter(w, requires_grad: true);
        weight.DetachFromDisposeScope();
        bias = new Parameter(zeros([1], dtype: context.DType, device: context.Device), requires_grad: true);
        bias.DetachFromDisposeScope();
        Parameters = new ParameterSet([("w", weight), ("b", bias)]);
        two = constants.Hold(2);
    }

    /// <inheritdoc />
    public ParameterSet Parameters { get; }

    /// <inheritdoc />
    public Tensor TrainingLoss(Batch batch) => Loss(batch);

    /// <inheritdoc />
    public Tensor Loss(Batch batch)
    {
        var (features, labels) = Require(batch);
        // mse_loss is (y_hat - y)^2 and its mean, as sub, pow(2) and mean compute them (the same bits), in one
        // operation and one backward node instead of three: a third fewer calls into libtorch per autograd step.
        return nn.functional.mse_loss(addmm(bias, features, weight, beta: 1, alpha: 1), labels.unsqueeze(1)).div_(two);
    }

    /// <inheritdoc />
    public void ComputeGradient(Batch batch)
    {
        var (features, labels) = Require(batch);
        using var noGrad = no_grad();
        using var rows = ((double)features.shape[0]).ToScalar();
        var residual = addmm(bias, features, weight, beta: 1, alpha: 1).sub_(labels.unsqueeze(1)).div_(rows);
        weight.grad = features.t().mm(residual);
        // Named: residual.sum(0) would bind to sum(ScalarType? type) (0 converts to any enum) and sum as Byte.
        bias.grad = residual.sum(dim: 0);
    }

    private static (Tensor Features, Tensor Labels) Require(Batch batch) =>
        batch.Features is { } features && batch.Labels is { } labels
            ? (features, labels)
            : throw new InvalidOperationException("linear regression needs a batch of features and labels");

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        weight.Dispose();
        bias.Dispose();
        constants.Dispose();
    }
}
