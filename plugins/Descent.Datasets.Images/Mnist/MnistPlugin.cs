using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>Registers the <c>mnist</c> dataset.</summary>
public sealed class MnistPlugin() : DatasetPlugin<MnistDataset, ImageDatasetOptions>(
    id: "mnist",
    version: "1.0.0",
    description: "MNIST handwritten digits (LeCun et al.): 28x28 grey images, 10 classes; train 50,000 / valid 10,000 (the last training images) / test 10,000");
