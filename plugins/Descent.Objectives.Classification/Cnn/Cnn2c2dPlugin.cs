using Descent.Contracts;

namespace Descent.Objectives.Classification;

/// <summary>Registers the <c>cnn-2c2d</c> objective.</summary>
public sealed class Cnn2c2dPlugin() : ObjectivePlugin<Cnn2c2d, Cnn2c2dOptions>(
    id: "cnn-2c2d",
    version: "1.0.1",
    description: "DeepOBS fmnist_2c2d/mnist_2c2d: conv5x5-32, pool, conv5x5-64, pool, fc1024, fc10 (ReLU; 3,274,634 parameters), PyTorch's default init",
    requiresDataset: true);
