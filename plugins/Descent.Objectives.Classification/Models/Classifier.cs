using Descent.Contracts;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Classification;

/// <summary>
/// A classifier trained with the mean cross-entropy of its logits (<c>nn.CrossEntropyLoss</c>), reporting
/// <c>loss</c> and top-1 <c>accuracy</c> on any split. Subclasses build their layers (through <see cref="TorchInit"/>)
/// and compute the logits.
/// </summary>
public abstract class Classifier : IEvaluatedObjective
{
    private static readonly string[] Metrics = ["loss", "accuracy"];
    private bool disposed;

    /// <summary>Checks that the dataset is a classification dataset and reads its shape.</summary>
    /// <exception cref="DataMismatchException">The dataset is not a classification dataset.</exception>
    protected Classifier(IDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset is not ISplitDataset { Description: { Task: DatasetTask.Classification } description })
        {
            throw new DataMismatchException("a classification dataset (int64 class labels)", Describe(dataset));
        }

        Description = description;
    }

    /// <summary>The dataset's description (classes, input shape).</summary>
    protected DatasetDescription Description { get; }

    /// <inheritdoc />
    public ParameterSet Parameters { get; protected set; } = null!;

    /// <inheritdoc />
    public DatasetTask Task => DatasetTask.Classification;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => Metrics;

    /// <summary>The logits, N x classes, for inputs N x (input shape).</summary>
    public abstract Tensor Logits(Tensor features);

    /// <summary>The loss whose gradient drives the update: the mean cross-entropy; subclasses may add a penalty (weight decay).</summary>
    public virtual Tensor TrainingLoss(Batch batch) => Loss(batch);

    /// <inheritdoc />
    public Tensor Loss(Batch batch)
    {
        var (features, labels) = Data(batch);
        return nn.functional.cross_entropy(Logits(features), labels);
    }

    /// <inheritdoc />
    public Tensor MetricSums(Batch batch)
    {
        var (features, labels) = Data(batch);
        var logits = Logits(features);
        var loss = nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum);
        var correct = logits.argmax(1).eq(labels).sum().to(logits.dtype);
        return stack([loss, correct]);
    }

    /// <summary>A dataset's task and shape in words.</summary>
    public static string Describe(IDataset dataset) => dataset is ISplitDataset { Description: var d }
        ? $"{(d.Task == DatasetTask.Classification ? $"classification with {d.Classes} classes" : "regression")}, inputs {d.InputShapeText}"
        : $"regression (real-valued labels), inputs [{dataset.Info.FeatureCount}]";

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (Parameter parameter in Parameters ?? Enumerable.Empty<Parameter>())
        {
            parameter.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private static (Tensor Features, Tensor Labels) Data(Batch batch) =>
        (batch.Features ?? throw new InvalidOperationException("a classifier needs a batch of features and labels"),
         batch.Labels ?? throw new InvalidOperationException("a classifier needs a batch of features and labels"));
}
