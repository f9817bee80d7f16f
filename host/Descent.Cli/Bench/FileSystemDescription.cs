namespace Descent.Cli.Bench;

/// <summary>
/// The file system a folder is on, in words, for benchmark output: its type and source from <c>/proc/self/mountinfo</c>
/// and, for ext4, whether it has a journal (a journal shows as a <c>/proc/fs/jbd2/&lt;device&gt;-&lt;n&gt;</c> entry whose
/// device, per <c>/sys/class/block/&lt;device&gt;/dev</c>, has the mount's device number). On ext4 without a journal,
/// creating a file scans past every inode deleted in the last minute or more, and a local MLflow store, which is one
/// small file per param, tag and metric, is then much slower to write after many deletions.
/// </summary>
internal static class FileSystemDescription
{
    private const string MountInfo = "/proc/self/mountinfo";
    private const string Journals = "/proc/fs/jbd2";

    /// <summary>For example <c>ext4 on /dev/vda (no journal)</c> or <c>tmpfs (memory)</c>; <c>unknown file system</c> where <c>/proc/self/mountinfo</c> is missing.</summary>
    public static string Of(string folder)
    {
        if (!File.Exists(MountInfo))
        {
            return "unknown file system";
        }

        string full = Path.GetFullPath(folder);
        var mount = File.ReadLines(MountInfo)
            .Select(Parse)
            .OfType<Mount>()
            .Where(m => IsUnder(full, m.Point))
            .OrderByDescending(m => m.Point.Length)
            .FirstOrDefault();
        return mount switch
        {
            null => "unknown file system",
            { Type: "tmpfs" } => "tmpfs (memory)",
            { Type: "ext4" } => $"ext4 on {mount.Source} ({(HasJournal(mount.Device) ? "with a journal" : "no journal")})",
            _ => $"{mount.Type} on {mount.Source}",
        };
    }

    // "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,...": the device number is field 3, the mount point field 5,
    // and after the " - " separator come the type and the source.
    private static Mount? Parse(string line)
    {
        string[] fields = line.Split(' ');
        int separator = Array.IndexOf(fields, "-");
        return fields.Length >= 5 && separator > 4 && separator + 2 < fields.Length
            ? new Mount(fields[2], Unescape(fields[4]), fields[separator + 1], fields[separator + 2])
            : null;
    }

    private static bool HasJournal(string device) =>
        Directory.Exists(Journals) && Directory.EnumerateDirectories(Journals)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Select(entry => entry[..Math.Max(0, entry.LastIndexOf('-'))])
            .Any(name => ReadDevice(name) == device);

    private static string? ReadDevice(string blockDevice)
    {
        string file = Path.Combine("/sys/class/block", blockDevice, "dev");
        return blockDevice.Length > 0 && File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    private static bool IsUnder(string path, string mountPoint) =>
        mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);

    // mountinfo writes a space in a path as \040.
    private static string Unescape(string field) => field.Replace("\\040", " ", StringComparison.Ordinal);

    private sealed record Mount(string Device, string Point, string Type, string Source);
}
