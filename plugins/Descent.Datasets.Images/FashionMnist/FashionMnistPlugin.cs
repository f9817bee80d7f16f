using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>Registers the <c>fashion-mnist</c> dataset.</summary>
public sealed class FashionMnistPlugin() : DatasetPlugin<FashionMnistDataset, ImageDatasetOptions>(
    id: "fashion-mnist",
    version: "1.0.0",
    description: "Fashion-MNIST (Xiao et al. 2017): 28x28 grey images, 10 classes; train 50,000 / valid 10,000 (the last training images) / test 10,000");
