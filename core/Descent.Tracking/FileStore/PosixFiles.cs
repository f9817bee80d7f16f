using System.Runtime.InteropServices;

namespace Descent.Tracking.FileStore;

/// <summary>
/// Writes a whole small file with three system calls (open, write, close) on Linux. A
/// <see cref="FileStream"/> also calls fstat, fstatfs, flock (twice), ftruncate and lseek per file,
/// which made it several times slower for the FileStore's one-value files (a run of a sweep writes about
/// fifty). The advisory lock it takes for a write is a shared one, which never kept a reader or another
/// writer out, so nothing is lost by leaving it. Other systems use <see cref="FileStream"/>.
/// </summary>
internal static partial class PosixFiles
{
    private const int ReadWriteOwnerReadOthers = 0x1A4; // 0644
    private const int WriteOnly = 0x1, Create = 0x40, Exclusive = 0x80, Truncate = 0x200, CloseOnExec = 0x80000;
    private const int Interrupted = 4, NoEntry = 2, Exists = 17;

    /// <summary>
    /// Writes <paramref name="bytes"/> as the whole content of <paramref name="file"/>: replacing it
    /// (<see cref="FileMode.Create"/>) or only when it does not exist yet (<see cref="FileMode.CreateNew"/>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The file's directory does not exist.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="mode"/> is CreateNew, or the write failed.</exception>
    public static void Write(string file, ReadOnlySpan<byte> bytes, FileMode mode)
    {
        if (mode is not (FileMode.Create or FileMode.CreateNew))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "only Create and CreateNew write a whole file");
        }

        if (!OperatingSystem.IsLinux())
        {
            using var stream = new FileStream(file, mode, FileAccess.Write, FileShare.Read);
            stream.Write(bytes);
            return;
        }

        int flags = WriteOnly | Create | CloseOnExec | (mode == FileMode.CreateNew ? Exclusive : Truncate);
        int descriptor;
        do
        {
            descriptor = Open(file, flags, ReadWriteOwnerReadOthers);
        }
        while (descriptor < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        if (descriptor < 0)
        {
            throw Failure("open", file, Marshal.GetLastPInvokeError());
        }

        try
        {
            while (!bytes.IsEmpty)
            {
                nint written = WriteBytes(descriptor, bytes, bytes.Length);
                if (written < 0)
                {
                    int error = Marshal.GetLastPInvokeError();
                    if (error == Interrupted)
                    {
                        continue;
                    }

                    throw Failure("write", file, error);
                }

                bytes = bytes[(int)written..];
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static IOException Failure(string call, string file, int error)
    {
        string reason = Marshal.GetPInvokeErrorMessage(error);
        return error switch
        {
            NoEntry => new DirectoryNotFoundException($"cannot {call} {file}: {reason}"),
            Exists => new IOException($"the file '{file}' already exists", error),
            _ => new IOException($"cannot {call} {file}: {reason} (errno {error})", error),
        };
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteBytes(int descriptor, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
