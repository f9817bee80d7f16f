using Descent.Cli.Bench;

namespace Descent.Tests.Bench;

/// <summary>The file system that <c>descent bench sweep</c> names for its tracked stores, read from <c>/proc/self/mountinfo</c>.</summary>
public sealed class FileSystemDescriptionTests
{
    [Test]
    public void A_folder_is_described_by_its_longest_mount_point()
    {
        Assume.That(File.Exists("/proc/self/mountinfo"), "runs where /proc/self/mountinfo exists (Linux)");

        // /proc/self is under the proc mount, not under "/": the longest matching mount point wins.
        Assert.That(FileSystemDescription.Of("/proc/self"), Is.EqualTo("proc on proc"));
    }
}
