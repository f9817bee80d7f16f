using Descent.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Regression;

/// <summary>
/// A multilayer perceptron for regression: features -> hidden layers with an activation -> 1 output,
/// loss = mean((y_hat - y)^2 / 2) as the chapter's linear model. Weights and biases start as PyTorch's
/// nn.Linear does, uniform in +-1/sqrt(fan_in), drawn from the trial's <c>init</c> stream.
/// </summary>
public sealed class MlpRegression : IObjective
{
    private readonly (Parameter Weight, Parameter Bias)[] layers;
    private readonly Activation activation;
    private readonly HeldScalars constants = new();
    private readonly Scalar two;
    private bool disposed;

    /// <summary>Creates the layers for the dataset's feature count.</summary>
    public MlpRegression(MlpRegressionOptions options, TrialContext context, IDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        activation = options.Activation;
        int[] widths = [dataset.Info.FeatureCount, .. options.Hidden, 1];
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var init = context.CreateGenerator("init");
        layers = new (Parameter, Parameter)[widths.Length - 1];
        var named = new List<(string, Parameter)>();
        for (int i = 0; i < layers.Length; i++)
        {
            double bound = 1 / Math.Sqrt(widths[i]);
            var weight = Uniform([widths[i], widths[i + 1]], bound, init, context);
            var bias = Uniform([widths[i + 1]], bound, init, context);
            layers[i] = (weight, bias);
            named.Add(($"layer{i}.w", weight));
            named.Add(($"layer{i}.b", bias));
        }

        Parameters = new ParameterSet(named);
        two = constants.Hold(2);
    }

    /// <inheritdoc />
    public ParameterSet Parameters { get; }

    /// <inheritdoc />
    public Tensor TrainingLoss(Batch batch) => Loss(batch);

    /// <inheritdoc />
    public Tensor Loss(Batch batch)
    {
        var features = batch.Features ?? throw new InvalidOperationException("an MLP needs a batch of features and labels");
        var labels = batch.Labels ?? throw new InvalidOperationException("an MLP needs a batch of features and labels");
        var h = features;
        for (int i = 0; i < layers.Length; i++)
        {
            h = addmm(layers[i].Bias, h, layers[i].Weight, beta: 1, alpha: 1);
            if (i < layers.Length - 1)
            {
                h = Activate(h);
            }
        }

        // As linear-regression: mse_loss is sub, pow(2) and mean in one call and one backward node, with the same value.
        return nn.functional.mse_loss(h, labels.unsqueeze(1)).div_(two);
    }

    private Tensor Activate(Tensor x) => activation switch
    {
        Activation.Relu => nn.functional.relu(x),
        Activation.Tanh => x.tanh(),
        Activation.Sigmoid => x.sigmoid(),
        Activation.Gelu => nn.functional.gelu(x),
        _ => throw new InvalidOperationException($"unknown activation {activation}"),
    };

    private static Parameter Uniform(long[] shape, double bound, Generator generator, TrialContext context)
    {
        using var width = (2 * bound).ToScalar();
        using var offset = bound.ToScalar();
        var values = rand(shape, dtype: ScalarType.Float64, generator: generator).mul_(width).sub_(offset).to(context.DType, context.Device);
        var parameter = new Parameter(values, requires_grad: true);
        parameter.DetachFromDisposeScope();
        return parameter;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var (weight, bias) in layers)
        {
            weight.Dispose();
            bias.Dispose();
        }

        constants.Dispose();
    }
}
