using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>Registers the <c>cifar10</c> dataset.</summary>
public sealed class Cifar10Plugin() : DatasetPlugin<Cifar10Dataset, Cifar10Options>(
    id: "cifar10",
    version: "1.0.0",
    description: "CIFAR-10 (Krizhevsky 2009), binary version: 32x32 colour images [3, 32, 32], 10 classes; train 45,000 / valid 5,000 (the last training images) / test 10,000");
