using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>Options of the image datasets (<see cref="IdxImageDataset"/>).</summary>
public sealed class ImageDatasetOptions
{
    /// <summary>Training images kept (the first ones, after the validation images are carved off); 0 keeps all.</summary>
    [Hyperparameter("train_rows", Description = "training images kept, the first ones after valid is carved off (0: all)", Minimum = 0)]
    public int TrainRows { get; set; }

    /// <summary>The last this many training images become the <c>valid</c> split (these datasets have none of their own); 0: no validation split.</summary>
    [Hyperparameter("valid_rows", Description = "the last N training images form the valid split (0: none)", Minimum = 0)]
    public int ValidRows { get; set; } = 10_000;

    /// <summary>Test images kept (the first ones); 0 keeps all. Smaller test splits make quick runs cheaper to evaluate.</summary>
    [Hyperparameter("test_rows", Description = "test images kept, the first ones (0: all)", Minimum = 0)]
    public int TestRows { get; set; }

    /// <summary>Divide the grey values by 255, to [0, 1] (as torchvision's ToTensor).</summary>
    [Hyperparameter("scale", Description = "divide grey values by 255, to [0, 1]")]
    public bool Scale { get; set; } = true;

    /// <summary>Subtract the mean and divide by the standard deviation of each channel over the training split, in every split.</summary>
    [Hyperparameter("standardize", Description = "per-channel mean 0, std 1 over the training split, applied to every split")]
    public bool Standardize { get; set; }

    /// <summary>Where to download the four files from when no data directory has them (a folder URL); empty: the set's publisher.</summary>
    [Hyperparameter("url", Description = "folder URL to download the four files from when no data directory has them (empty: the publisher)")]
    public string Url { get; set; } = "";
}
