using Descent.Contracts;

namespace Descent.Datasets.Images;

/// <summary>Options of <see cref="Cifar10Dataset"/>: those of the other image datasets, with 5,000 validation images by default.</summary>
public sealed class Cifar10Options
{
    /// <summary>Training images kept (the first ones, after the validation images are carved off); 0 keeps all.</summary>
    [Hyperparameter("train_rows", Description = "training images kept, the first ones after valid is carved off (0: all)", Minimum = 0)]
    public int TrainRows { get; set; }

    /// <summary>The last this many of the 50,000 training images (from data_batch_5.bin) become the <c>valid</c> split; 0: no validation split.</summary>
    [Hyperparameter("valid_rows", Description = "the last N training images form the valid split (0: none)", Minimum = 0)]
    public int ValidRows { get; set; } = 5_000;

    /// <summary>Test images kept (the first ones); 0 keeps all.</summary>
    [Hyperparameter("test_rows", Description = "test images kept, the first ones (0: all)", Minimum = 0)]
    public int TestRows { get; set; }

    /// <summary>Divide the colour values by 255, to [0, 1] (as torchvision's ToTensor).</summary>
    [Hyperparameter("scale", Description = "divide colour values by 255, to [0, 1]")]
    public bool Scale { get; set; } = true;

    /// <summary>Subtract the mean and divide by the standard deviation of each colour channel over the training split, in every split.</summary>
    [Hyperparameter("standardize", Description = "per-channel mean 0, std 1 over the training split, applied to every split")]
    public bool Standardize { get; set; }

    /// <summary>Where to download cifar-10-binary.tar.gz from when no data directory has the batches (the archive's URL); empty: the CIFAR page.</summary>
    [Hyperparameter("url", Description = "URL of cifar-10-binary.tar.gz, downloaded when no data directory has the batches (empty: the CIFAR page); checked by SHA-256 and MD5")]
    public string Url { get; set; } = "";

    /// <summary>The split settings.</summary>
    public ImageSplitSettings Splits => new(TrainRows, ValidRows, TestRows, Scale, Standardize);
}
