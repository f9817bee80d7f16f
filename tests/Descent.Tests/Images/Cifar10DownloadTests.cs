using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Descent.Contracts;
using Descent.Engine.Options;
using Descent.Engine.Trials;
using Descent.Tests.Datasets;
using Descent.Tests.Support;
using static TorchSharp.torch;

namespace Descent.Tests.Images;

/// <summary>
/// The download of the CIFAR-10 archive, served from a loopback server: a tar.gz the test writes, with the
/// checksums given to the plugin's <c>Cifar10Source.Locate</c> (called by reflection: the tests do not reference
/// plugin assemblies), so the extraction runs on a known archive. The published checksums are checked by
/// <see cref="Cifar10DatasetTests"/>.
/// </summary>
public sealed class Cifar10DownloadTests
{
    private TempDirectory dir = null!;

    [SetUp]
    public void CreateDirectory() => dir = new TempDirectory();

    [TearDown]
    public void DeleteDirectory() => dir.Dispose();

    private static readonly string[] Batches = ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin"];

    [Test]
    public void An_archive_with_both_checksums_is_extracted_and_deleted_and_the_batches_load()
    {
        var files = Batches.Select((b, i) => ($"cifar-10-batches-bin/{b}", CifarWriter.Batch(i < 5 ? 2 * i : 1000, 2))).ToList();
        var archive = TarGz([("cifar-10-batches-bin/batches.meta.txt", "airplane\n"u8.ToArray()), .. files]);
        using var server = new LoopbackServer(archive);
        string cache = dir.Combine("cache");

        string folder = Locate(new DataLocations([cache], cache, AllowDownload: true), server.Url("c.tar.gz"), Sha256(archive), Md5(archive));

        Assert.That(folder, Is.EqualTo(Path.Combine(cache, "cifar10")));
        Assert.That(dir.Files("cache"), Is.EqualTo(Batches.Select(b => Path.Combine("cifar10", b)).ToArray()), "the six batches, no archive, no temporary files");
        for (int i = 0; i < 6; i++)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(folder, Batches[i])), Is.EqualTo(files[i].Item2), Batches[i]);
        }

        using var data = (ISplitDataset)DatasetFactory.Create("cifar10", new DataLocations([cache], null, AllowDownload: false), ScalarType.Float64, ("valid_rows", "2"));
        Assert.That(DatasetFactory.Values(data.Split("valid")!.Labels), Is.EqualTo(new double[] { 4, 7 }));
    }

    [Test]
    public void An_archive_whose_md5_is_not_the_published_one_is_refused_and_deleted()
    {
        var archive = TarGz(Batches.Select(b => ($"cifar-10-batches-bin/{b}", CifarWriter.Batch(0, 1))));
        using var server = new LoopbackServer(archive);
        string cache = dir.Combine("cache");

        var e = Assert.Throws<TrialSetupException>(() =>
            Locate(new DataLocations([cache], cache, AllowDownload: true), server.Url("c.tar.gz"), Sha256(archive), new string('0', 32)))!;
        Assert.That(e.Message, Does.StartWith(
            $"cifar10: the archive downloaded from {server.Url("c.tar.gz")} has the published sha256 but md5 {Md5(archive)}, not the published {new string('0', 32)}; it was deleted."));
        Assert.That(dir.Files("cache"), Is.Empty);
    }

    [Test]
    public void An_archive_without_every_batch_leaves_no_batch_behind()
    {
        var archive = TarGz(Batches.Take(5).Select(b => ($"cifar-10-batches-bin/{b}", CifarWriter.Batch(0, 1))));
        using var server = new LoopbackServer(archive);
        string cache = dir.Combine("cache");

        var e = Assert.Throws<TrialSetupException>(() =>
            Locate(new DataLocations([cache], cache, AllowDownload: true), server.Url("c.tar.gz"), Sha256(archive), Md5(archive)))!;
        Assert.That(e.Message, Is.EqualTo("cifar10: the downloaded archive holds no test_batch.bin; it is not the CIFAR-10 binary archive"));
        Assert.That(dir.Files("cache"), Is.Empty);
    }

    private static byte[] TarGz(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
            }
        }

        return output.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>The plugin's <c>Cifar10Source.Locate</c> with an archive at <paramref name="url"/> and these checksums.</summary>
    private static string Locate(DataLocations data, string url, string sha256, string md5)
    {
        var problems = new List<ConfigurationProblem>();
        var component = TrialResolver.Component(TestEngine.Catalog, PluginKind.Dataset, "cifar10", TrialResolver.Text(new Dictionary<string, string>()), problems);
        Assembly plugin = component!.Plugin.Instance.ImplementationType.Assembly;
        var archive = Activator.CreateInstance(plugin.GetType("Descent.Datasets.Images.CifarArchive", throwOnError: true)!, new Uri(url), "cifar-10-binary.tar.gz", sha256, md5);
        try
        {
            return (string)plugin.GetType("Descent.Datasets.Images.Cifar10Source", throwOnError: true)!.GetMethod("Locate")!.Invoke(null, [data, archive])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
