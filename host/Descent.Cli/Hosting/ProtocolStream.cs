using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Descent.Cli.Hosting;

/// <summary>
/// A worker's protocol stream: its standard output, taken for the protocol alone. On Unix the original
/// descriptor 1 is duplicated for the protocol and descriptor 1 then points at standard error, so whatever a
/// plugin prints (managed <c>Console.Out</c> or native <c>printf</c>) lands in standard error, never in the protocol.
/// </summary>
internal static class ProtocolStream
{
    /// <summary>Takes standard output for the protocol and returns it.</summary>
    public static Stream Take()
    {
        if (OperatingSystem.IsWindows())
        {
            var stdout = Console.OpenStandardOutput();
            Console.SetOut(Console.Error);
            return stdout;
        }

        Console.Out.Flush();
        int protocol = Dup(1);
        if (protocol < 0 || Dup2(2, 1) < 0)
        {
            throw new IOException($"could not take standard output for the worker protocol (errno {Marshal.GetLastPInvokeError()})");
        }

        return new FileStream(new SafeFileHandle(protocol, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Dup(int descriptor);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Dup2(int descriptor, int target);
}
