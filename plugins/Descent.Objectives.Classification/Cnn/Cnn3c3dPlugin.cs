using Descent.Contracts;

namespace Descent.Objectives.Classification;

/// <summary>Registers the <c>cnn-3c3d</c> objective.</summary>
public sealed class Cnn3c3dPlugin() : ObjectivePlugin<Cnn3c3d, Cnn3c3dOptions>(
    id: "cnn-3c3d",
    version: "1.0.1",
    description: "DeepOBS cifar10_3c3d: conv5x5-64 valid, pool3/2, conv3x3-96 valid, pool, conv3x3-128 same, pool, fc512, fc256, fc10 (ReLU; 895,210 parameters), " +
                 "weight_decay 0.002 on the weights in the training loss; PyTorch's default init (DeepOBS: Xavier, zero biases)",
    requiresDataset: true);
