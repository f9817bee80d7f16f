using System.Security.Cryptography;
using System.Text;
using Descent.Reports.Reading;

namespace Descent.Cli.Reports;

/// <summary>
/// The lock of a report folder that a sweep's shards share: an exclusive handle (<see cref="FileShare.None"/>,
/// <c>flock</c> on Unix, which shared file systems carry across nodes) on a hidden file beside the folder
/// (<see cref="PathFor"/>: <c>out/.NAME.descent-report</c>, so the folder holds only the report), held while a shard asks "is the report of these runs already here?" and, if not, writes it. The file then
/// holds the <see cref="StampOf">stamp</see> of the runs the report was made from, so two last shards that
/// find the sweep complete at the same moment write the folder once: the second finds the first one's stamp.
/// </summary>
internal sealed class ReportFolderLock : IDisposable
{
    /// <summary>The end of the lock file's name.</summary>
    public const string Suffix = ".descent-report";

    /// <summary>How long a shard waits for another that is writing the report (pictures of a large sweep take a while).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly FileStream handle;

    private ReportFolderLock(FileStream handle) => this.handle = handle;

    /// <summary>The lock file of report folder <paramref name="directory"/>: <c>.NAME.descent-report</c> beside it (inside it only for a root).</summary>
    public static string PathFor(string directory)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        return Path.GetDirectoryName(full) is { } parent ? Path.Combine(parent, "." + Path.GetFileName(full) + Suffix) : Path.Combine(full, Suffix);
    }

    /// <summary>Takes the lock of report folder <paramref name="directory"/>, waiting while another process holds it.</summary>
    /// <exception cref="IOException">Another process held it for longer than <see cref="Patience"/>, or the folder's parent cannot be written.</exception>
    public static ReportFolderLock Acquire(string directory)
    {
        string path = PathFor(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var started = DateTime.UtcNow;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new ReportFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (IsSharingViolation(e))
            {
                if (DateTime.UtcNow - started > Patience)
                {
                    throw new IOException(
                        $"the report folder {directory} stayed locked by another process ({path}) for {Patience.TotalMinutes:0} minutes; " +
                        "if none is writing a report there, delete that file and make the report with 'descent report FILE --out DIR'", e);
                }

                Thread.Sleep(Math.Min(10 * (1 + attempt), 200));
            }
        }
    }

    /// <summary>The stamp of a report: the sweep and a SHA-256 of the ids of the runs it shows.</summary>
    public static string StampOf(SweepRuns runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        string ids = string.Join("\n", runs.Runs.Select(r => r.RunId).Order(StringComparer.Ordinal));
        return $"{runs.SweepId ?? runs.Experiment.Name} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))}";
    }

    /// <summary>True when the folder's report was made from exactly the runs of <paramref name="stamp"/>.</summary>
    public bool Holds(string stamp)
    {
        handle.Position = 0;
        using var reader = new StreamReader(handle, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return reader.ReadToEnd().Trim() == stamp;
    }

    /// <summary>Records that the folder's report is now the one of <paramref name="stamp"/>.</summary>
    public void Record(string stamp)
    {
        handle.SetLength(0);
        handle.Write(Encoding.UTF8.GetBytes(stamp + "\n"));
        handle.Flush(flushToDisk: true);
    }

    public void Dispose() => handle.Dispose();

    /// <summary>
    /// The file is locked by another handle: EWOULDBLOCK (11) from <c>flock</c> on Linux (35 on macOS),
    /// ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33) on Windows (as the file store's own retry reads it).
    /// </summary>
    private static bool IsSharingViolation(IOException e) =>
        e.GetType() == typeof(IOException) && (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35);
}
