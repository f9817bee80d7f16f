namespace Descent.Runs.Files;

/// <summary>
/// Where a run's files wait to be attached (the configuration while a trial runs, a sweep trial's result and
/// history): memory-backed <c>/dev/shm</c> where there is one, else the temporary folder. Every tracked trial
/// writes, copies and deletes a few such files; on disk each creation and deletion is file-system work (on an
/// ext4 without a journal, creating a file after many deletions scans past every recently deleted inode), and
/// these files never need to outlive the process.
/// </summary>
public static class ScratchDirectory
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The folder: <c>/dev/shm</c> when it exists and can be written, else <see cref="Path.GetTempPath"/>.</summary>
    public static string Path => Root.Value;

    /// <summary>A new unique path under <see cref="Path"/> named <c>{prefix}-{guid}{extension}</c> (nothing is created).</summary>
    public static string NewPath(string prefix, string extension = "") =>
        System.IO.Path.Combine(Path, $"{prefix}-{Guid.NewGuid():N}{extension}");

    private static string Find()
    {
        const string shared = "/dev/shm";
        try
        {
            if (Directory.Exists(shared))
            {
                string probe = System.IO.Path.Combine(shared, $"descent-probe-{Guid.NewGuid():N}");
                Directory.CreateDirectory(probe);
                Directory.Delete(probe);
                return shared;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not usable: fall back to the temporary folder.
        }

        return System.IO.Path.GetTempPath();
    }
}
