namespace Descent.Engine.Data;

/// <summary>
/// Whether files can be written into a directory, found by trying: permissions alone do not tell
/// (root ignores them, read-only mounts override them).
/// </summary>
public static class DirectoryWriteProbe
{
    /// <summary>
    /// True when a file can be created in <paramref name="directory"/>, or, when it does not exist yet,
    /// in its nearest existing ancestor (so it could be created). Creates nothing that outlives the call.
    /// </summary>
    public static bool CanWrite(string directory)
    {
        var existing = new DirectoryInfo(Path.GetFullPath(directory));
        while (existing is not null && !existing.Exists)
        {
            if (File.Exists(existing.FullName))
            {
                return false; // a file stands where a directory should be
            }

            existing = existing.Parent;
        }

        if (existing is null)
        {
            return false;
        }

        string probe = Path.Combine(existing.FullName, $".descent-write-probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
