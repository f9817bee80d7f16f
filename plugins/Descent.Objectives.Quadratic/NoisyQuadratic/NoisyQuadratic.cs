using Descent.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Quadratic;

/// <summary>
/// DeepOBS's noisy quadratic problem <c>quadratic_deep</c> (deepobs/pytorch/testproblems/quadratic_deep.py and
/// <c>net_quadratic_deep</c>): the loss of a sample x is 0.5 (θ - x)^T H (θ - x), the training loss the mean over
/// the minibatch, so its gradient is H (θ - mean x). H is <see cref="QuadraticHessian"/> from <c>hessian_seed</c>,
/// θ starts at ones (DeepOBS: "The parameters are initialized to 1."), the samples x come from the
/// <c>quadratic-noise</c> dataset. Reports <c>loss</c> on any split. DeepOBS trains it with batch size 128 for
/// 100 epochs (<c>DEFAULT_TEST_PROBLEMS_SETTINGS["quadratic_deep"]</c>).
/// </summary>
public sealed class NoisyQuadratic : IEvaluatedObjective
{
    private static readonly string[] Metrics = ["loss"];
    private readonly Parameter theta;
    private readonly Tensor hessian;
    private readonly HeldScalars constants = new();
    private readonly Scalar half;
    private bool disposed;

    /// <summary>Builds H and θ for the trial, after checking that the dataset's samples have <c>dim</c> values.</summary>
    /// <exception cref="DataMismatchException">The dataset is not a regression dataset with inputs [dim].</exception>
    public NoisyQuadratic(NoisyQuadraticOptions options, TrialContext context, IDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        int dim = options.Dim;
        RequireFit(dim, dataset);
        Hessian = QuadraticHessian.Create(dim, options.HessianSeed);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        hessian = Hessian.ToTensor(context.DType, context.Device).DetachFromDisposeScope();
        theta = new Parameter(ones([dim], dtype: context.DType, device: context.Device), requires_grad: true);
        theta.DetachFromDisposeScope();
        Parameters = new ParameterSet([("theta", theta)]);
        half = constants.Hold(0.5);
    }

    /// <summary>The Hessian, its eigenvalues and rotation, in float64.</summary>
    public QuadraticHessian Hessian { get; }

    /// <inheritdoc />
    public ParameterSet Parameters { get; }

    /// <inheritdoc />
    public DatasetTask Task => DatasetTask.Regression;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => Metrics;

    /// <inheritdoc />
    public Tensor TrainingLoss(Batch batch) => Loss(batch);

    /// <inheritdoc />
    public Tensor Loss(Batch batch) => SampleLosses(batch).mean();

    /// <inheritdoc />
    public Tensor MetricSums(Batch batch) => SampleLosses(batch).sum().unsqueeze(0);

    /// <summary>0.5 (θ - x)^T H (θ - x) for each row x of the batch, a vector of its length.</summary>
    public Tensor SampleLosses(Batch batch)
    {
        var x = batch.Features ?? throw new InvalidOperationException("the noisy quadratic needs a batch of samples x");
        var q = theta.sub(x);
        return q.mm(hessian).mul_(q).sum(dim: 1).mul_(half);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        theta.Dispose();
        hessian.Dispose();
        constants.Dispose();
    }

    private static void RequireFit(int dim, IDataset dataset)
    {
        string expected = $"a regression dataset with inputs [{dim}] (the Hessian is {dim} x {dim}: set the objective's dim " +
            $"and the dataset's dim to the same value)";
        if (dataset is ISplitDataset { Description: var d })
        {
            if (d.Task != DatasetTask.Regression || d.InputShape.Count != 1 || d.InputShape[0] != dim)
            {
                throw new DataMismatchException(expected, d.Task == DatasetTask.Classification
                    ? $"classification with {d.Classes} classes, inputs {d.InputShapeText}"
                    : $"inputs {d.InputShapeText}");
            }
        }
        else if (dataset.Info.FeatureCount != dim)
        {
            throw new DataMismatchException(expected, $"inputs [{dataset.Info.FeatureCount}]");
        }
    }
}
