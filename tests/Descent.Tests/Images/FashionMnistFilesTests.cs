using Descent.Contracts;
using Descent.Tests.Datasets;
using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>
/// The real Fashion-MNIST files from Debian's package dataset-fashion-mnist (the test build installs it: build/test-prerequisites.sh). Known
/// facts of the published set: 6,000 training and 1,000 test images per class; the first labels.
/// </summary>
public sealed class FashionMnistFilesTests
{
    /// <summary>Where Debian's package puts the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Fails (never skips) when the package is missing: install it with apt-get install dataset-fashion-mnist.</summary>
    public static void RequireFiles() =>
        Assert.That(File.Exists(Path.Combine(DebianDirectory, "train-images-idx3-ubyte.gz")), Is.True,
            $"Fashion-MNIST is not in {DebianDirectory}: apt-get install dataset-fashion-mnist (the test build does so as root or with password-less sudo: build/test-prerequisites.sh)");

    [Test]
    public void The_package_files_load_with_the_published_split_sizes_and_class_counts()
    {
        RequireFiles();
        using var data = (ISplitDataset)DatasetFactory.Create("fashion-mnist", DataLocations.None);
        var test = data.Split("test")!;
        var counts = bincount(test.Labels).data<long>().ToArray();
        var allTrain = cat([data.Labels, data.Split("valid")!.Labels]);
        Assert.Multiple(() =>
        {
            Assert.That(data.Description.SplitSizes, Is.EqualTo(new Dictionary<string, long> { ["train"] = 50_000, ["valid"] = 10_000, ["test"] = 10_000 }));
            Assert.That(counts, Is.EqualTo(Enumerable.Repeat(1000L, 10).ToArray()));
            Assert.That(bincount(allTrain).data<long>().ToArray(), Is.EqualTo(Enumerable.Repeat(6000L, 10).ToArray()));
            Assert.That(data.Labels[..10].data<long>().ToArray(), Is.EqualTo(new long[] { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5 }));
            Assert.That(test.Labels[..10].data<long>().ToArray(), Is.EqualTo(new long[] { 9, 2, 1, 1, 6, 1, 4, 6, 5, 7 }));
            // The first training image's grey values add up to 76,247 (read with Python's gzip module).
            Assert.That(data.Features[0].sum().to(ScalarType.Float64).item<double>() * 255, Is.EqualTo(76_247).Within(0.05));
            Assert.That(data.Description.Provenance, Does.Contain(DebianDirectory));
        });
    }
}
