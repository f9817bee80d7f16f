namespace Descent.Datasets.Images;

/// <summary>
/// CIFAR-10, binary version (Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009): 60,000
/// 32 x 32 colour images in 10 classes, as <c>cifar-10-binary.tar.gz</c> from the CIFAR page, whose folder
/// <c>cifar-10-batches-bin</c> holds <c>data_batch_1.bin</c> .. <c>data_batch_5.bin</c> (training) and
/// <c>test_batch.bin</c>, 10,000 records each. The CIFAR page publishes the archive's MD5
/// (c32a1d4ab5d03f1284b67883e8d87530); the SHA-256 is the one other loaders pin (e.g. red-datasets and gomlx):
/// a download must match both.
/// </summary>
public static class Cifar10Files
{
    /// <summary>The sub-folder of a data directory that holds the batches (also where downloads go).</summary>
    public const string Folder = "cifar10";

    /// <summary>The archive's own folder name, accepted as a sub-folder of a data directory too.</summary>
    public const string ArchiveFolder = "cifar-10-batches-bin";

    /// <summary>The test batch.</summary>
    public const string TestBatch = "test_batch.bin";

    /// <summary>The number of classes; a label byte is below it.</summary>
    public const int Classes = 10;

    /// <summary>The five training batches, in the order their images are concatenated.</summary>
    public static IReadOnlyList<string> TrainBatches { get; } = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>All six batch files.</summary>
    public static IReadOnlyList<string> Batches { get; } = [.. TrainBatches, TestBatch];

    /// <summary>The published archive.</summary>
    public static CifarArchive Archive { get; } = new(
        new Uri("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
        "cifar-10-binary.tar.gz",
        Sha256: "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
        Md5: "c32a1d4ab5d03f1284b67883e8d87530");
}
