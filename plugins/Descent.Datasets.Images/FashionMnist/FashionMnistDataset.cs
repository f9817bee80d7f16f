using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>Fashion-MNIST (<see cref="FashionMnistFiles"/>) as a dataset with splits.</summary>
/// <param name="options">Subset, carve-out and scaling.</param>
/// <param name="context">The trial.</param>
public sealed class FashionMnistDataset(ImageDatasetOptions options, TrialContext context)
    : IdxImageDataset(FashionMnistFiles.Set, options, context);
