using Descent.Contracts;
using Descent.Tests.Datasets;
using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>
/// The cifar10 dataset on small binary batches the tests write: exact values in CHW order, labels, the splits,
/// the options, and each corruption and missing file with a message naming the file and the problem.
/// </summary>
public sealed class Cifar10DatasetTests
{
    private TempDirectory dir = null!;

    [SetUp]
    public void CreateDirectory() => dir = new TempDirectory();

    [TearDown]
    public void DeleteDirectory() => dir.Dispose();

    private string Folder => dir.Combine("cifar10");

    private DataLocations Offline => new([dir.Path], null, AllowDownload: false);

    [Test]
    public void Values_are_the_bytes_over_255_in_CHW_order_and_valid_is_the_last_training_images()
    {
        CifarWriter.WriteSet(Folder, perBatch: 2, test: 3);
        using var data = (ISplitDataset)DatasetFactory.Create("cifar10", Offline, ScalarType.Float64, ("valid_rows", "3"));

        var valid = data.Split("valid")!;
        var test = data.Split("test")!;
        Assert.Multiple(() =>
        {
            Assert.That(data.Description.Task, Is.EqualTo(DatasetTask.Classification));
            Assert.That(data.Description.Classes, Is.EqualTo(10));
            Assert.That(data.Description.InputShape, Is.EqualTo(new long[] { 3, 32, 32 }));
            Assert.That(data.Description.SplitSizes, Is.EqualTo(new Dictionary<string, long> { ["train"] = 7, ["valid"] = 3, ["test"] = 3 }));
            Assert.That(data.Features.shape, Is.EqualTo(new long[] { 7, 3, 32, 32 }));
            Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(CifarWriter.Values(0, 7)));
            Assert.That(data.Labels.dtype, Is.EqualTo(ScalarType.Int64));
            Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(new double[] { 0, 3, 6, 9, 2, 5, 8 }));
            Assert.That(DatasetFactory.Values(valid.Features), Is.EqualTo(CifarWriter.Values(7, 3)));
            Assert.That(DatasetFactory.Values(valid.Labels), Is.EqualTo(new double[] { 1, 4, 7 }));
            Assert.That(DatasetFactory.Values(test.Features), Is.EqualTo(CifarWriter.Values(1000, 3)));
            Assert.That(DatasetFactory.Values(test.Labels), Is.EqualTo(new double[] { 0, 3, 6 }));
            Assert.That(data.Description.Provenance, Does.Contain(Path.Combine(Folder, "data_batch_5.bin")).And.Contain("valid = the last 3 training images"));
        });
    }

    [Test]
    public void A_pixel_is_read_from_its_colour_plane_by_hand()
    {
        // Image 1 is the second record of data_batch_1.bin: its green value at row 2, column 5 is byte
        // 3073 + 1 + 1024 + 2 * 32 + 5 of the file, (5 + 80 + 14 + 15) mod 256 = 114.
        CifarWriter.WriteSet(Folder, perBatch: 2, test: 1);
        byte[] file = File.ReadAllBytes(Path.Combine(Folder, "data_batch_1.bin"));
        using var data = (ISplitDataset)DatasetFactory.Create("cifar10", Offline, ScalarType.Float64, ("valid_rows", "0"), ("scale", "false"));

        Assert.That(file[3073 + 1 + 1024 + 2 * 32 + 5], Is.EqualTo(114));
        Assert.That(data.Features[1, 1, 2, 5].item<double>(), Is.EqualTo(114));
    }

    [Test]
    public void The_archives_folder_name_is_accepted_and_train_rows_test_rows_and_scale_off_apply()
    {
        CifarWriter.WriteSet(dir.Combine("cifar-10-batches-bin"), perBatch: 2, test: 3);
        using var data = (ISplitDataset)DatasetFactory.Create(
            "cifar10", Offline, ScalarType.Float64, ("valid_rows", "0"), ("train_rows", "4"), ("test_rows", "2"), ("scale", "false"));

        Assert.Multiple(() =>
        {
            Assert.That(data.Splits.Select(s => s.Name), Is.EqualTo(new[] { "train", "test" }));
            Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(CifarWriter.Values(0, 4, divisor: 1)));
            Assert.That(DatasetFactory.Values(data.Split("test")!.Labels), Is.EqualTo(new double[] { 0, 3 }));
            Assert.That(data.Info.Rows, Is.EqualTo(4));
        });
    }

    [Test]
    public void Standardize_uses_each_channels_training_mean_and_std_in_every_split()
    {
        CifarWriter.WriteSet(Folder, perBatch: 2, test: 2);
        using var data = (ISplitDataset)DatasetFactory.Create("cifar10", Offline, ScalarType.Float64, ("valid_rows", "2"), ("standardize", "true"));

        var train = CifarWriter.Values(0, 8);
        var expected = CifarWriter.Values(1000, 2);
        for (int c = 0; c < 3; c++)
        {
            var channel = Enumerable.Range(0, 8).SelectMany(n => train.Skip(n * 3072 + c * 1024).Take(1024)).ToArray();
            double mean = channel.Average();
            double std = Math.Sqrt(channel.Select(v => (v - mean) * (v - mean)).Average());
            for (int n = 0; n < 2; n++)
            {
                for (int k = 0; k < 1024; k++)
                {
                    int i = n * 3072 + c * 1024 + k;
                    expected[i] = (expected[i] - mean) / std;
                }
            }
        }

        var features = data.Features.to_type(ScalarType.Float64);
        Assert.That(DatasetFactory.Values(features.mean([0, 2, 3])), Is.EqualTo(new double[] { 0, 0, 0 }).Within(1e-12));
        Assert.That(DatasetFactory.Values(features.std([0, 2, 3], unbiased: false)), Is.EqualTo(new double[] { 1, 1, 1 }).Within(1e-12));
        Assert.That(DatasetFactory.Values(data.Split("test")!.Features), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void The_default_carves_5000_validation_images_and_says_so_when_there_are_fewer()
    {
        CifarWriter.WriteSet(Folder, perBatch: 2, test: 1);

        string message = DatasetFactory.SetupError("cifar10", Offline);
        Assert.That(message, Is.EqualTo("cifar10: valid_rows = 5000, but the training batches hold 10 images; set it below 10"));
    }

    [Test]
    public void A_size_that_is_no_whole_number_of_records_names_the_file_and_its_size()
    {
        CifarWriter.WriteSet(Folder, perBatch: 2, test: 1);
        string path = Path.Combine(Folder, "data_batch_3.bin");
        File.WriteAllBytes(path, CifarWriter.Batch(4, 2)[..^1]);

        string message = DatasetFactory.SetupError("cifar10", Offline, ("valid_rows", "0"));
        Assert.That(message, Does.StartWith($"cifar10: {path}: the file has 6145 bytes, not a positive multiple of 3073 (1 label byte + 3072 pixel bytes per image)"));
        Assert.That(message, Does.Contain("Replace it with data_batch_3.bin from the cifar-10-batches-bin folder of https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"));
    }

    [Test]
    public void A_label_above_9_names_the_file_and_the_record()
    {
        CifarWriter.WriteSet(Folder, perBatch: 2, test: 3);
        string path = Path.Combine(Folder, "test_batch.bin");
        var bytes = CifarWriter.Batch(1000, 3);
        bytes[3073] = 10;
        File.WriteAllBytes(path, bytes);

        string message = DatasetFactory.SetupError("cifar10", Offline, ("valid_rows", "0"));
        Assert.That(message, Does.StartWith($"cifar10: {path}: record 1 (byte 3073) has label 10, but the set has 10 classes (0 to 9): the file is damaged"));
    }

    [Test]
    public void A_missing_batch_is_named_with_the_files_that_are_there()
    {
        CifarWriter.WriteSet(Folder, perBatch: 2, test: 1);
        File.Delete(Path.Combine(Folder, "data_batch_4.bin"));

        string message = DatasetFactory.SetupError("cifar10", Offline, ("valid_rows", "0"));
        Assert.That(message, Does.StartWith(
            $"cifar10: {Path.Combine(Folder, "data_batch_4.bin")} is missing: {Folder} holds data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_5.bin, test_batch.bin but not data_batch_4.bin."));
    }

    [Test]
    public void Offline_without_the_batches_says_where_to_put_which_files()
    {
        string message = DatasetFactory.SetupError("cifar10", Offline);
        Assert.That(message, Does.StartWith("cifar10: the CIFAR-10 batches were not found, and downloads are off (--offline or DESCENT_OFFLINE)."));
        Assert.That(message, Does.Contain(Folder).And.Contain(dir.Combine("cifar-10-batches-bin")));
        Assert.That(message, Does.Contain(
            "Put the six files data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, test_batch.bin " +
            "(the cifar-10-batches-bin folder of https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz, md5 c32a1d4ab5d03f1284b67883e8d87530) into DIR/cifar10/"));
        Assert.That(message, Does.Contain("--data-dir DIR or DESCENT_DATA_DIR=DIR"));
    }

    [Test]
    public void A_download_with_the_wrong_checksum_is_refused_and_nothing_is_cached()
    {
        using var server = new LoopbackServer(CifarWriter.Batch(0, 2));
        string cache = dir.Combine("cache");
        var downloading = new DataLocations([cache], cache, AllowDownload: true);

        string message = DatasetFactory.SetupError("cifar10", downloading, ("url", server.Url("cifar-10-binary.tar.gz")));
        Assert.That(message, Does.StartWith($"cifar10: the archive downloaded from {server.Url("cifar-10-binary.tar.gz")} has sha256 "));
        Assert.That(message, Does.Contain(
            "but cifar-10-binary.tar.gz has sha256 c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd (md5 c32a1d4ab5d03f1284b67883e8d87530); it was deleted, not cached"));
        Assert.That(dir.Files("cache"), Is.Empty);
    }
}
