using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Descent.Contracts;

namespace Descent.Tests.Datasets;

/// <summary>
/// Downloading the airfoil file when no data directory has it, against a server on 127.0.0.1 (no internet):
/// the archive is fetched, the file taken out of it, checked against the published checksums and only then
/// moved into the cache directory; a file with any other checksum is an error and leaves nothing behind.
/// </summary>
public sealed class AirfoilDownloadTests
{
    private const string Crlf = "74c75fd71783f1e6b71f8a622b993dc592897a97cd689c5090a07147a1b097b3";
    private const string Lf = "10ee06e6cfb27dae6b44213d421d217012fb1f9b697592e73a4e4016b52d425f";
    private static readonly string Nl = Environment.NewLine;

    private TempDirectory dir = null!;

    [SetUp]
    public void CreateDirectory() => dir = new TempDirectory();

    [TearDown]
    public void DeleteDirectory() => dir.Dispose();

    private string Cache => dir.Combine("cache");

    private DataLocations Downloading => new([dir.Combine("search"), Cache], Cache, AllowDownload: true);

    [Test]
    public void A_good_archive_is_downloaded_verified_and_cached_once()
    {
        byte[] original = File.ReadAllBytes(SharedAirfoilFile.RequirePath());
        using var server = new LoopbackServer(Zip(("airfoil_self_noise.dat", original), ("Readme.txt", "x"u8.ToArray())));

        using (var data = DatasetFactory.Create("airfoil", Downloading, ("url", server.Url("airfoil+self+noise.zip"))))
        {
            Assert.That(data.Info.Source, Is.EqualTo(Path.Combine(Cache, "airfoil_self_noise.dat")));
            Assert.That(data.Info.Sha256, Is.EqualTo(Crlf));
            Assert.That(data.Features.shape, Is.EqualTo(new long[] { 1500, 5 }));
        }

        Assert.That(dir.Files("cache"), Is.EqualTo(new[] { "airfoil_self_noise.dat" }), "only the verified file, no temporary files");
        Assert.That(File.ReadAllBytes(Path.Combine(Cache, "airfoil_self_noise.dat")), Is.EqualTo(original));

        using var again = DatasetFactory.Create("airfoil", Downloading, ("url", server.Url("airfoil+self+noise.zip")));
        Assert.That(server.Requests, Is.EqualTo(1), "the second trial reads the cached file");
    }

    [Test]
    public void A_plain_file_download_with_lf_line_ends_is_accepted()
    {
        byte[] lf = Encoding.UTF8.GetBytes(File.ReadAllText(SharedAirfoilFile.RequirePath()).Replace("\r\n", "\n", StringComparison.Ordinal));
        using var server = new LoopbackServer(lf);

        using var data = DatasetFactory.Create("airfoil", Downloading, ("url", server.Url("airfoil_self_noise.dat")));

        Assert.That(data.Info.Sha256, Is.EqualTo(Lf));
        Assert.That(dir.Files("cache"), Is.EqualTo(new[] { "airfoil_self_noise.dat" }));
    }

    [Test]
    public void A_download_with_the_wrong_checksum_is_an_error_and_nothing_is_cached()
    {
        byte[] wrong = Encoding.UTF8.GetBytes(AirfoilDataErrorTests.AirfoilShaped(1503));
        string actual = Convert.ToHexStringLower(SHA256.HashData(wrong));
        using var server = new LoopbackServer(Zip(("airfoil_self_noise.dat", wrong)));
        string url = server.Url("airfoil+self+noise.zip");

        string message = DatasetFactory.SetupError("airfoil", Downloading, ("url", url), ("verify", "false"));

        Assert.That(message, Is.EqualTo(
            $"airfoil: the file downloaded from {url} has sha256 {actual}, but the airfoil file has sha256 {Crlf} (CR LF line ends) or {Lf} (LF line ends); " +
            $"it was deleted, not cached. Try again later, or download airfoil_self_noise.dat yourself and put it into {Cache} " +
            "(or into a folder you name with --data-dir DIR or DESCENT_DATA_DIR=DIR)"));
        Assert.That(dir.Files(), Is.Empty, "neither the bad file nor any temporary file is left (verify=false does not apply to downloads)");
    }

    [Test]
    public void A_server_error_is_reported_with_where_to_put_the_file()
    {
        using var server = new LoopbackServer("gone"u8.ToArray(), status: 404);
        string url = server.Url("airfoil+self+noise.zip");

        string message = DatasetFactory.SetupError("airfoil", Downloading, ("url", url));

        Assert.That(message, Does.StartWith(
            $"airfoil: airfoil_self_noise.dat was not found, and downloading it from {url} failed: the server answered 404 Not Found.{Nl}" +
            $"Searched:{Nl}  {dir.Combine("search")}{Nl}  {Cache}{Nl}Put it into one of these directories"));
        Assert.That(dir.Files(), Is.Empty);
    }

    [Test]
    public void An_archive_without_the_file_names_what_it_holds()
    {
        using var server = new LoopbackServer(Zip(("other.dat", "1\t2"u8.ToArray())));
        string url = server.Url("airfoil+self+noise.zip");

        string message = DatasetFactory.SetupError("airfoil", Downloading, ("url", url));

        Assert.That(message, Does.StartWith(
            $"airfoil: airfoil_self_noise.dat was not found, and downloading it from {url} failed: the zip archive holds no airfoil_self_noise.dat (it holds: other.dat).{Nl}"));
        Assert.That(dir.Files(), Is.Empty);
    }

    [Test]
    public void No_server_means_a_failed_download_and_the_offline_advice()
    {
        string url = $"http://127.0.0.1:{LoopbackServer.FreePort()}/airfoil+self+noise.zip";

        string message = DatasetFactory.SetupError("airfoil", Downloading, ("url", url));

        Assert.That(message, Does.StartWith($"airfoil: airfoil_self_noise.dat was not found, and downloading it from {url} failed: "));
        Assert.That(message, Does.Contain("with --data-dir DIR or DESCENT_DATA_DIR=DIR"));
        Assert.That(dir.Files(), Is.Empty);
    }

    [Test]
    public void Concurrent_trials_download_once_and_agree()
    {
        byte[] original = File.ReadAllBytes(SharedAirfoilFile.RequirePath());
        using var server = new LoopbackServer(Zip(("airfoil_self_noise.dat", original)));
        string url = server.Url("airfoil+self+noise.zip");

        var sha = new string?[6];
        Parallel.For(0, sha.Length, i =>
        {
            using var data = DatasetFactory.Create("airfoil", Downloading, ("url", url));
            sha[i] = data.Info.Sha256;
        });

        Assert.That(sha, Is.All.EqualTo(Crlf));
        Assert.That(server.Requests, Is.EqualTo(1));
        Assert.That(dir.Files("cache"), Is.EqualTo(new[] { "airfoil_self_noise.dat" }));
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
