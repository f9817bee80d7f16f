namespace Descent.Tracking.FileStore;

/// <summary>
/// A lock over a FileStore root shared by every Descent process: an exclusive handle on the file
/// <c>.descent.lock</c> in the root (a file, so MLflow, which lists sub-directories as experiments,
/// never sees it). Held while the root is initialised and while an experiment is looked up and created,
/// so two processes creating the same experiment at once end up with one.
/// </summary>
internal sealed class FileStoreLock : IDisposable
{
    public const string FileName = ".descent.lock";
    private readonly FileStream handle;

    private FileStoreLock(FileStream handle) => this.handle = handle;

    public static FileStoreLock Acquire(string root)
    {
        string path = Path.Combine(root, FileName);
        return FileRetry.Run(() => new FileStoreLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
    }

    public void Dispose() => handle.Dispose();
}
