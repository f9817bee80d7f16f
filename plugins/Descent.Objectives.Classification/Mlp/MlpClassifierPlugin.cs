using Descent.Contracts;

namespace Descent.Objectives.Classification;

/// <summary>Registers the <c>mlp-classifier</c> objective.</summary>
public sealed class MlpClassifierPlugin() : ObjectivePlugin<MlpClassifier, MlpClassifierOptions>(
    id: "mlp-classifier",
    version: "1.0.0",
    description: "MLP classifier; default DeepOBS fmnist_mlp (784-1000-500-100-10, ReLU, 1,336,610 parameters) with PyTorch's default init",
    requiresDataset: true);
