using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>MNIST (<see cref="MnistFiles"/>) as a dataset with splits.</summary>
/// <param name="options">Subset, carve-out and scaling.</param>
/// <param name="context">The trial.</param>
public sealed class MnistDataset(ImageDatasetOptions options, TrialContext context)
    : IdxImageDataset(MnistFiles.Set, options, context);
