namespace Descent.Tracking.FileStore;

/// <summary>
/// A lock over a FileStore root shared by every Descent process that uses it, on any machine: an exclusive
/// handle (<see cref="FileShare.None"/>, <c>flock</c> on Unix, which NFS and cluster file systems carry
/// across nodes) on <see cref="FileName"/> in the root itself, so processes on two nodes sharing the store
/// (or with different temporary directories) take the same lock. MLflow lists experiments as the root's
/// folders, so the one file there is invisible to it. Held while the root is initialised and while an
/// experiment is looked up and created, so two processes creating the same experiment at once end up with one.
/// </summary>
internal sealed class FileStoreLock : IDisposable
{
    /// <summary>The lock file's name in the root.</summary>
    public const string FileName = ".descent.lock";

    private readonly FileStream handle;

    private FileStoreLock(FileStream handle) => this.handle = handle;

    /// <summary>The lock file for <paramref name="root"/>.</summary>
    public static string PathFor(string root) => Path.Combine(Path.GetFullPath(root), FileName);

    /// <summary>Takes the lock (waiting while another process holds it); the root must exist.</summary>
    public static FileStoreLock Acquire(string root)
    {
        string path = PathFor(root);
        return FileRetry.Run(() => new FileStoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
    }

    public void Dispose() => handle.Dispose();
}
