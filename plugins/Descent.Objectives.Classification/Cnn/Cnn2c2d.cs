using Descent.Contracts;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Classification;

/// <summary>
/// DeepOBS's <c>fmnist_2c2d</c> / <c>mnist_2c2d</c> (from the TensorFlow CNN tutorial): two 5x5 convolutions
/// with 32 and 64 filters ("same" padding) each followed by ReLU and 2x2 max-pooling, a dense layer of 1024
/// with ReLU, and a dense layer to the 10 classes; 3,274,634 parameters on 1 x 28 x 28 inputs. PyTorch's
/// default initialization instead of DeepOBS's truncated normal (std 0.05) and constant biases (0.05).
/// Each convolution is pooled before its ReLU: ReLU is monotone, so max-pooling and ReLU commute exactly (the same
/// values, and the same gradients, bit for bit), and ReLU then runs on a quarter of the elements.
/// </summary>
public sealed class Cnn2c2d : Classifier
{
    private static readonly long[] InputShape = [1, 28, 28];
    private readonly (Parameter Weight, Parameter Bias) conv1;
    private readonly (Parameter Weight, Parameter Bias) conv2;
    private readonly (Parameter Weight, Parameter Bias) fc1;
    private readonly (Parameter Weight, Parameter Bias) fc2;

    /// <summary>Creates the layers; the dataset must give 1 x 28 x 28 inputs.</summary>
    /// <exception cref="DataMismatchException">Another input shape.</exception>
    public Cnn2c2d(Cnn2c2dOptions options, TrialContext context, IDataset dataset)
        : base(dataset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!Description.InputShape.SequenceEqual(InputShape))
        {
            throw new DataMismatchException("inputs [1, 28, 28] (DeepOBS 2c2d)", Describe(dataset));
        }

        using var generator = context.CreateGenerator("init");
        var init = new TorchInit(context, generator);
        conv1 = init.Conv2d("conv1", 1, 32, 5);
        conv2 = init.Conv2d("conv2", 32, 64, 5);
        fc1 = init.Linear("fc1", 7 * 7 * 64, 1024);
        fc2 = init.Linear("fc2", 1024, Description.Classes);
        Parameters = new ParameterSet(init.Named);
    }

    /// <inheritdoc />
    public override Tensor Logits(Tensor features) =>
        ChannelsLast.Of(features)
            .Then(x => nn.functional.conv2d(x, conv1.Weight, conv1.Bias, padding: [2, 2]))
            .Then(x => nn.functional.max_pool2d(x, 2, 2))
            .Then(x => nn.functional.relu(x))
            .Then(x => nn.functional.conv2d(x, conv2.Weight, conv2.Bias, padding: [2, 2]))
            .Then(x => nn.functional.max_pool2d(x, 2, 2))
            .Then(x => nn.functional.relu(x))
            .Then(x => x.flatten(1))
            .Then(x => nn.functional.linear(x, fc1.Weight, fc1.Bias))
            .Then(x => nn.functional.relu(x))
            .Then(x => nn.functional.linear(x, fc2.Weight, fc2.Bias));
}
