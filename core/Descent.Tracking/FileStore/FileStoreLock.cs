using System.Security.Cryptography;
using System.Text;

namespace Descent.Tracking.FileStore;

/// <summary>
/// A lock over a FileStore root shared by every Descent process on the machine: an exclusive handle
/// (<see cref="FileShare.None"/>, <c>flock</c> on Unix) on a file named after the root's path in the
/// temporary directory, so the store itself holds nothing but MLflow's layout. Held while the root is
/// initialised and while an experiment is looked up and created, so two processes creating the same
/// experiment at once end up with one.
/// </summary>
internal sealed class FileStoreLock : IDisposable
{
    private readonly FileStream handle;

    private FileStoreLock(FileStream handle) => this.handle = handle;

    /// <summary>The lock file for <paramref name="root"/>.</summary>
    public static string PathFor(string root)
    {
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar))));
        return Path.Combine(Path.GetTempPath(), "descent-locks", $"{key[..32]}.lock");
    }

    public static FileStoreLock Acquire(string root)
    {
        string path = PathFor(root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return FileRetry.Run(() => new FileStoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
    }

    public void Dispose() => handle.Dispose();
}
