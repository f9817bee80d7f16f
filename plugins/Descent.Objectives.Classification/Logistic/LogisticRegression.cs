using Descent.Contracts;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Descent.Objectives.Classification;

/// <summary>
/// Softmax (multinomial logistic) regression: the flattened input times a weight matrix plus a bias gives the
/// logits, as <c>nn.Linear(input size, classes)</c> with its default initialization.
/// </summary>
public sealed class LogisticRegression : Classifier
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    /// <summary>Creates the layer for the dataset's input size and classes.</summary>
    public LogisticRegression(LogisticRegressionOptions options, TrialContext context, IDataset dataset)
        : base(dataset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        using var generator = context.CreateGenerator("init");
        var init = new TorchInit(context, generator);
        (weight, bias) = init.Linear("linear", Description.InputSize, Description.Classes);
        Parameters = new ParameterSet(init.Named);
    }

    /// <inheritdoc />
    public override Tensor Logits(Tensor features) => nn.functional.linear(features.flatten(1), weight, bias);
}
