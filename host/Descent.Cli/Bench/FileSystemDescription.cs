namespace Descent.Cli.Bench;

/// <summary>
/// The file system a folder is on, in words, for benchmark output: its type from <c>/proc/mounts</c> and, for ext4,
/// whether it has a journal (a journal shows as a <c>/proc/fs/jbd2</c> entry of its device). On ext4 without a journal,
/// creating a file scans past every inode deleted in the last minute or more, and a local MLflow store, which is one
/// small file per param, tag and metric, is then much slower to write after many deletions.
/// </summary>
internal static class FileSystemDescription
{
    /// <summary>For example <c>ext4 on /dev/vda (no journal)</c> or <c>tmpfs (memory)</c>; <c>unknown file system</c> where <c>/proc/mounts</c> is missing.</summary>
    public static string Of(string folder)
    {
        const string mounts = "/proc/mounts";
        if (!File.Exists(mounts))
        {
            return "unknown file system";
        }

        string full = Path.GetFullPath(folder);
        var mount = File.ReadLines(mounts)
            .Select(line => line.Split(' '))
            .Where(f => f.Length >= 3 && IsUnder(full, Unescape(f[1])))
            .OrderByDescending(f => Unescape(f[1]).Length)
            .FirstOrDefault();
        if (mount is null)
        {
            return "unknown file system";
        }

        var (device, type) = (mount[0], mount[2]);
        return type switch
        {
            "tmpfs" => "tmpfs (memory)",
            "ext4" => $"ext4 on {device} ({(HasJournal(device) ? "with a journal" : "no journal")})",
            _ => $"{type} on {device}",
        };
    }

    private static bool HasJournal(string device)
    {
        string name = Path.GetFileName(device);
        return Directory.Exists("/proc/fs/jbd2") && Directory.EnumerateDirectories("/proc/fs/jbd2", $"{name}-*").Any();
    }

    private static bool IsUnder(string path, string mountPoint) =>
        mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);

    // /proc/mounts writes a space in a mount point as \040.
    private static string Unescape(string field) => field.Replace("\\040", " ", StringComparison.Ordinal);
}
