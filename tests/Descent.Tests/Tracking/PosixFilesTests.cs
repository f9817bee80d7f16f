using System.Text;
using Descent.Tracking.FileStore;

namespace Descent.Tests.Tracking;

/// <summary>The FileStore's whole-file writer keeps FileStream's semantics for the two modes it offers.</summary>
public class PosixFilesTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("descent-posix-files-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Create_replaces_a_longer_content_entirely()
    {
        string file = Path.Combine(directory, "tag");
        PosixFiles.Write(file, Encoding.UTF8.GetBytes("a much longer first value"), FileMode.Create);
        PosixFiles.Write(file, Encoding.UTF8.GetBytes("0.25"), FileMode.Create);
        Assert.That(File.ReadAllText(file), Is.EqualTo("0.25"));
    }

    [Test]
    public void CreateNew_refuses_an_existing_file_and_leaves_it_as_it_was()
    {
        string file = Path.Combine(directory, "param");
        PosixFiles.Write(file, Encoding.UTF8.GetBytes("first"), FileMode.CreateNew);
        var error = Assert.Throws<IOException>(() => PosixFiles.Write(file, Encoding.UTF8.GetBytes("second"), FileMode.CreateNew));
        Assert.That(error!.Message, Does.Contain(file));
        Assert.That(File.ReadAllText(file), Is.EqualTo("first"));
    }

    [Test]
    public void A_missing_directory_is_a_DirectoryNotFoundException_naming_the_file()
    {
        string file = Path.Combine(directory, "missing", "tag");
        var error = Assert.Throws<DirectoryNotFoundException>(() => PosixFiles.Write(file, [1, 2, 3], FileMode.Create));
        Assert.That(error!.Message, Does.Contain(file));
    }

    [Test]
    public void A_large_content_is_written_whole()
    {
        string file = Path.Combine(directory, "large");
        byte[] content = Enumerable.Range(0, 3_000_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        PosixFiles.Write(file, content, FileMode.Create);
        Assert.That(File.ReadAllBytes(file), Is.EqualTo(content));
    }

    [Test]
    public void Other_modes_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PosixFiles.Write(Path.Combine(directory, "x"), [1], FileMode.Append));
    }
}
