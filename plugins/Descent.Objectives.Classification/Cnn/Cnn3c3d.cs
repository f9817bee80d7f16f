using Descent.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Classification;

/// <summary>
/// DeepOBS's <c>cifar10_3c3d</c> (Schneider, Balles and Hennig, 2019): a 5x5 convolution with 64 filters
/// ("valid"), a 3x3 convolution with 96 ("valid"), a 3x3 convolution with 128 ("same"), each followed by ReLU
/// and 3x3 max-pooling with stride 2 and TensorFlow's "same" padding (DeepOBS pads zeros at the bottom and
/// right, which after ReLU gives the same maxima); then dense layers of 512 and 256 with ReLU and a dense layer
/// to the 10 classes; 895,210 parameters on 3 x 32 x 32 inputs. The training loss adds
/// <c>weight_decay / 2 * sum ||W||^2</c> over the five weights (not the biases), as DeepOBS's
/// <c>get_regularization_loss</c>; the recorded <c>loss</c> metric is the cross-entropy alone. PyTorch's default
/// initialization (Kaiming-uniform weights and uniform biases, as <c>nn.Conv2d</c> / <c>nn.Linear</c>) instead
/// of DeepOBS's Xavier-normal convolutions, Xavier-uniform dense layers and zero biases. Each convolution is pooled
/// before its ReLU: ReLU is monotone, so the two commute exactly (the same values and gradients, bit for bit, with
/// the zero padding too, since ReLU maps a padded zero that wins over negative values to the 0 it would have been),
/// and ReLU then runs on about a quarter of the elements.
/// </summary>
public sealed class Cnn3c3d : Classifier
{
    private static readonly long[] InputShape = [3, 32, 32];

    // The penalty's exponent and alphas, held for the process (libtorch only reads them, from any thread).
    private static readonly Scalar One = 1.0.ToScalar();
    private static readonly Scalar Two = 2.0.ToScalar();

    private readonly (Parameter Weight, Parameter Bias) conv1;
    private readonly (Parameter Weight, Parameter Bias) conv2;
    private readonly (Parameter Weight, Parameter Bias) conv3;
    private readonly (Parameter Weight, Parameter Bias) fc1;
    private readonly (Parameter Weight, Parameter Bias) fc2;
    private readonly (Parameter Weight, Parameter Bias) fc3;
    private readonly double weightDecay;

    // Held as long as the model: freed by its finalizer only once the model is unreachable.
    private readonly Scalar halfDecay;

    /// <summary>Creates the layers; the dataset must give 3 x 32 x 32 inputs.</summary>
    /// <exception cref="DataMismatchException">Another input shape.</exception>
    public Cnn3c3d(Cnn3c3dOptions options, TrialContext context, IDataset dataset)
        : base(dataset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (!Description.InputShape.SequenceEqual(InputShape))
        {
            throw new DataMismatchException("inputs [3, 32, 32] (DeepOBS cifar10_3c3d)", Describe(dataset));
        }

        weightDecay = options.WeightDecay;
        halfDecay = (0.5 * weightDecay).ToScalar();
        using var generator = context.CreateGenerator("init");
        var init = new TorchInit(context, generator);
        conv1 = init.Conv2d("conv1", 3, 64, 5);
        conv2 = init.Conv2d("conv2", 64, 96, 3);
        conv3 = init.Conv2d("conv3", 96, 128, 3);
        fc1 = init.Linear("fc1", 3 * 3 * 128, 512);
        fc2 = init.Linear("fc2", 512, 256);
        fc3 = init.Linear("fc3", 256, Description.Classes);
        Parameters = new ParameterSet(init.Named);
    }

    /// <inheritdoc />
    public override Tensor Logits(Tensor features) =>
        ChannelsLast.Of(features)
            .Then(x => nn.functional.conv2d(x, conv1.Weight, conv1.Bias))
            .Then(Pool)
            .Then(x => nn.functional.relu(x))
            .Then(x => nn.functional.conv2d(x, conv2.Weight, conv2.Bias))
            .Then(Pool)
            .Then(x => nn.functional.relu(x))
            .Then(x => nn.functional.conv2d(x, conv3.Weight, conv3.Bias, padding: [1, 1]))
            .Then(Pool)
            .Then(x => nn.functional.relu(x))
            .Then(x => x.flatten(1))
            .Then(x => nn.functional.linear(x, fc1.Weight, fc1.Bias))
            .Then(x => nn.functional.relu(x))
            .Then(x => nn.functional.linear(x, fc2.Weight, fc2.Bias))
            .Then(x => nn.functional.relu(x))
            .Then(x => nn.functional.linear(x, fc3.Weight, fc3.Bias));

    /// <summary>The cross-entropy plus <c>weight_decay / 2</c> times the squared norms of the weights.</summary>
    public override Tensor TrainingLoss(Batch batch)
    {
        var loss = Loss(batch);
        if (weightDecay == 0)
        {
            return loss;
        }

        // Held Scalars, not square(), + and a bare double (HeldScalars says why); the same operations and bits.
        var squares = conv1.Weight.pow(Two).sum();
        foreach (var weight in new[] { conv2.Weight, conv3.Weight, fc1.Weight, fc2.Weight, fc3.Weight })
        {
            squares = squares.add(weight.pow(Two).sum(), One);
        }

        return loss.add(squares.mul(halfDecay), One);
    }

    /// <summary>
    /// 3x3 max-pooling with stride 2 and TensorFlow's "same" padding: the output is ceil(size / 2); the padding
    /// needed, (out - 1) * 2 + 3 - size, goes half (rounded down) before and the rest after, in zeros as DeepOBS's
    /// <c>tfmaxpool2d</c>. DeepOBS pools ReLU outputs, where a zero never wins over a real value; here the ReLU comes
    /// after, and turns a window whose maximum is a padded zero or a negative value into 0 either way.
    /// </summary>
    private static Tensor Pool(Tensor x)
    {
        long height = x.shape[2], width = x.shape[3];
        long padHeight = Math.Max((height + 1) / 2 * 2 - 2 + 3 - height, 0);
        long padWidth = Math.Max((width + 1) / 2 * 2 - 2 + 3 - width, 0);
        return nn.functional.pad(x, [padWidth / 2, padWidth - padWidth / 2, padHeight / 2, padHeight - padHeight / 2])
            .Then(padded => nn.functional.max_pool2d(padded, 3, 2));
    }
}
