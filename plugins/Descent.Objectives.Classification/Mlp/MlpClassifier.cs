using Descent.Contracts;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Classification;

/// <summary>
/// A multilayer perceptron classifier: the flattened input through hidden linear layers with an activation,
/// then a linear layer to the classes. The default is DeepOBS's <c>fmnist_mlp</c> (784-1000-500-100-10, ReLU;
/// 1,336,610 parameters), here with PyTorch's default initialization instead of DeepOBS's truncated normal.
/// </summary>
public sealed class MlpClassifier : Classifier
{
    private readonly (Parameter Weight, Parameter Bias)[] layers;
    private readonly Activation activation;

    /// <summary>Creates the layers for the dataset's input size and classes.</summary>
    public MlpClassifier(MlpClassifierOptions options, TrialContext context, IDataset dataset)
        : base(dataset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        activation = options.Activation;
        long[] widths = [Description.InputSize, .. options.Hidden.Select(h => (long)h), Description.Classes];
        using var generator = context.CreateGenerator("init");
        var init = new TorchInit(context, generator);
        layers = new (Parameter, Parameter)[widths.Length - 1];
        for (int i = 0; i < layers.Length; i++)
        {
            layers[i] = init.Linear($"fc{i + 1}", widths[i], widths[i + 1]);
        }

        Parameters = new ParameterSet(init.Named);
    }

    /// <inheritdoc />
    public override Tensor Logits(Tensor features)
    {
        var h = features.flatten(1);
        for (int i = 0; i < layers.Length; i++)
        {
            var (weight, bias) = layers[i];
            h = h.Then(x => nn.functional.linear(x, weight, bias));
            if (i < layers.Length - 1)
            {
                h = h.Then(Activate);
            }
        }

        return h;
    }

    private Tensor Activate(Tensor x) => activation switch
    {
        Activation.Relu => nn.functional.relu(x),
        Activation.Tanh => x.tanh(),
        Activation.Sigmoid => x.sigmoid(),
        Activation.Gelu => nn.functional.gelu(x),
        _ => throw new InvalidOperationException($"unknown activation {activation}"),
    };
}
