using System.Runtime.InteropServices;

namespace Descent.Cli.Bench;

/// <summary>
/// The CPU time of the calling thread (POSIX <c>CLOCK_THREAD_CPUTIME_ID</c>): what a piece of code costs, without the
/// time it waited while other processes had the core, so that a comparison holds on a busy machine.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>True where the clock exists (Linux, macOS).</summary>
    public static bool Available => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Seconds of CPU this thread has used.</summary>
    public static double Seconds()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        return time.Seconds + (time.Nanoseconds * 1e-9);
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
