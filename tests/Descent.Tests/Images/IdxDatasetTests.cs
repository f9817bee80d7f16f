using Descent.Contracts;
using Descent.Tests.Datasets;
using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>
/// The IDX datasets on small files the tests write (gzip and plain): exact values, the splits and their
/// carve-out, the options, and every corruption with a message naming the file and the problem.
/// </summary>
public sealed class IdxDatasetTests
{
    private TempDirectory dir = null!;

    [SetUp]
    public void CreateDirectory() => dir = new TempDirectory();

    [TearDown]
    public void DeleteDirectory() => dir.Dispose();

    private string Folder => dir.Combine("mnist");

    private DataLocations Offline => new([dir.Path], null, AllowDownload: false);

    [TestCase(true)]
    [TestCase(false)]
    public void Values_are_the_bytes_over_255_and_valid_is_the_last_training_images(bool gzip)
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip);
        using var data = (ISplitDataset)DatasetFactory.Create("mnist", Offline, ScalarType.Float64, ("valid_rows", "3"));

        var pixels = IdxWriter.Pixels(8);
        Assert.Multiple(() =>
        {
            Assert.That(data.Description.Task, Is.EqualTo(DatasetTask.Classification));
            Assert.That(data.Description.Classes, Is.EqualTo(10));
            Assert.That(data.Description.InputShape, Is.EqualTo(new long[] { 1, 4, 3 }));
            Assert.That(data.Description.SplitSizes, Is.EqualTo(new Dictionary<string, long> { ["train"] = 5, ["valid"] = 3, ["test"] = 3 }));
            Assert.That(data.Features.shape, Is.EqualTo(new long[] { 5, 1, 4, 3 }));
            Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(pixels.Take(60).Select(b => b / 255.0).ToArray()));
            Assert.That(data.Labels.dtype, Is.EqualTo(ScalarType.Int64));
            Assert.That(DatasetFactory.Values(data.Labels), Is.EqualTo(new double[] { 0, 1, 2, 3, 4 }));
            Assert.That(DatasetFactory.Values(data.Split("valid")!.Features), Is.EqualTo(pixels.Skip(60).Select(b => b / 255.0).ToArray()));
            Assert.That(DatasetFactory.Values(data.Split("valid")!.Labels), Is.EqualTo(new double[] { 5, 6, 7 }));
            Assert.That(DatasetFactory.Values(data.Split("test")!.Labels), Is.EqualTo(new double[] { 0, 1, 2 }));
            Assert.That(data.Info.Rows, Is.EqualTo(5));
            Assert.That(data.Description.Provenance, Does.Contain("valid = the last 3 training images"));
        });
    }

    [Test]
    public void Train_rows_keeps_the_first_images_and_scale_off_keeps_the_grey_values()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: true);
        using var data = (ISplitDataset)DatasetFactory.Create("mnist", Offline, ScalarType.Float64, ("valid_rows", "0"), ("train_rows", "2"), ("scale", "false"));

        Assert.That(data.Splits.Select(s => s.Name), Is.EqualTo(new[] { "train", "test" }));
        Assert.That(DatasetFactory.Values(data.Features), Is.EqualTo(IdxWriter.Pixels(2).Select(b => (double)b).ToArray()));
    }

    [Test]
    public void Test_rows_keeps_the_first_test_images()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: true);
        using var data = (ISplitDataset)DatasetFactory.Create("mnist", Offline, ScalarType.Float64, ("valid_rows", "0"), ("test_rows", "2"));

        Assert.Multiple(() =>
        {
            Assert.That(data.Description.SplitSizes["test"], Is.EqualTo(2));
            Assert.That(DatasetFactory.Values(data.Split("test")!.Labels), Is.EqualTo(new double[] { 0, 1 }));
            Assert.That(DatasetFactory.Values(data.Split("test")!.Features), Is.EqualTo(IdxWriter.Pixels(2).Select(b => b / 255.0).ToArray()));
            Assert.That(data.Description.Provenance, Does.Contain("test = the first 2 of 3"));
        });
    }

    [Test]
    public void Asking_for_more_test_images_than_there_are_says_how_many_there_are()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: false);

        string message = DatasetFactory.SetupError("mnist", Offline, ("valid_rows", "3"), ("test_rows", "4"));
        Assert.That(message, Is.EqualTo("mnist: test_rows = 4, but the test files hold 3 images; set test_rows to at most 3"));
    }

    [Test]
    public void Standardize_gives_the_training_split_mean_0_and_std_1_and_applies_its_statistics_to_test()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: true);
        using var data = (ISplitDataset)DatasetFactory.Create("mnist", Offline, ScalarType.Float64, ("valid_rows", "0"), ("standardize", "true"));

        var train = IdxWriter.Pixels(8).Select(b => b / 255.0).ToArray();
        double mean = train.Average();
        double std = Math.Sqrt(train.Select(v => (v - mean) * (v - mean)).Average());
        var test = IdxWriter.Pixels(3).Select(b => (b / 255.0 - mean) / std).ToArray();
        Assert.That(DatasetFactory.Values(data.Features).Average(), Is.EqualTo(0).Within(1e-12));
        Assert.That(DatasetFactory.Values(data.Split("test")!.Features), Is.EqualTo(test).Within(1e-12));
    }

    [Test]
    public void A_wrong_magic_number_names_the_file_and_the_number()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: false);
        var bytes = IdxWriter.Bytes([8, 4, 3], IdxWriter.Pixels(8));
        bytes[2] = 0x09;
        string path = Path.Combine(Folder, "train-images-idx3-ubyte");
        File.WriteAllBytes(path, bytes);

        string message = DatasetFactory.SetupError("mnist", Offline);
        Assert.That(message, Does.Contain(path).And.Contain("the magic number is 0x00000903, not 0x00000803"));
    }

    [Test]
    public void A_truncated_file_names_the_file_and_its_size()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: true);
        var bytes = IdxWriter.Bytes([3, 4, 3], IdxWriter.Pixels(3));
        string path = Path.Combine(Folder, "t10k-images-idx3-ubyte.gz");
        File.WriteAllBytes(path, IdxWriter.Gzip(bytes[..^5]));

        string message = DatasetFactory.SetupError("mnist", Offline);
        Assert.That(message, Does.Contain(path).And.Contain("the header says 3 x 4 x 3 values (52 bytes with the header), but the file has 47 bytes (truncated)"));
    }

    [Test]
    public void A_truncated_gzip_stream_names_the_file()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: true);
        string path = Path.Combine(Folder, "train-labels-idx1-ubyte.gz");
        var gz = File.ReadAllBytes(path);
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);

        string message = DatasetFactory.SetupError("mnist", Offline);
        Assert.That(message, Does.Contain(path).And.Contain("truncated"));
    }

    [Test]
    public void Image_and_label_counts_that_disagree_name_both_files()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: false);
        IdxWriter.Write(Folder, "train-labels-idx1-ubyte", [7], IdxWriter.Labels(7), gzip: false);

        string message = DatasetFactory.SetupError("mnist", Offline);
        Assert.That(message, Does.Contain($"{Path.Combine(Folder, "train-images-idx3-ubyte")} holds 8 images but {Path.Combine(Folder, "train-labels-idx1-ubyte")} holds 7 labels"));
    }

    [Test]
    public void A_label_beyond_the_classes_is_refused()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: false);
        IdxWriter.Write(Folder, "t10k-labels-idx1-ubyte", [3], [1, 10, 2], gzip: false);

        string message = DatasetFactory.SetupError("mnist", Offline);
        Assert.That(message, Does.Contain("label 1 is 10, but the set has 10 classes (0 to 9)"));
    }

    [Test]
    public void Asking_for_more_training_images_than_there_are_says_how_many_there_are()
    {
        IdxWriter.WriteSet(Folder, train: 8, test: 3, gzip: false);

        string message = DatasetFactory.SetupError("mnist", Offline, ("valid_rows", "3"), ("train_rows", "6"));
        Assert.That(message, Is.EqualTo("mnist: train_rows = 6, but 5 training images are left after valid_rows = 3; set train_rows to at most 5"));
    }

    [Test]
    public void Offline_without_the_files_says_where_to_put_them()
    {
        string message = DatasetFactory.SetupError("mnist", Offline);
        Assert.That(message, Does.StartWith("mnist: train-images-idx3-ubyte.gz was not found, and downloads are off"));
        Assert.That(message, Does.Contain(Folder).And.Contain("into DIR/mnist/").And.Contain("--data-dir DIR or DESCENT_DATA_DIR=DIR"));
    }

    [Test]
    public void A_download_with_the_wrong_checksum_is_refused_and_not_cached()
    {
        using var server = new LoopbackServer(IdxWriter.Gzip(IdxWriter.Bytes([8, 4, 3], IdxWriter.Pixels(8))));
        string cache = dir.Combine("cache");
        var downloading = new DataLocations([cache], cache, AllowDownload: true);

        string message = DatasetFactory.SetupError("mnist", downloading, ("url", server.Url("mnist/")));
        Assert.That(message, Does.Contain("the file downloaded from " + server.Url("mnist/train-images-idx3-ubyte.gz")));
        Assert.That(message, Does.Contain("but train-images-idx3-ubyte.gz has sha256 440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"));
        Assert.That(dir.Files("cache"), Is.Empty);
    }
}
