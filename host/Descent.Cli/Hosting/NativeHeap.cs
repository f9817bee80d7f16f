using System.Runtime.InteropServices;

namespace Descent.Cli.Hosting;

/// <summary>
/// glibc's allocator settings for libtorch's tensors. By default glibc serves each large block (a CNN's activations:
/// 13 MB per layer at batch 128, 100 MB at evaluation batch 1000) with its own <c>mmap</c> and unmaps it when freed,
/// so every step faults the same pages in again and the kernel zeroes them: <c>cnn-2c2d</c>'s evaluation spent about
/// a third of its time in the kernel. Descent keeps freed memory in the heap instead (<c>mallopt</c>: no <c>mmap</c>
/// for blocks, no trimming), so a process stays at its peak and reuses it. Measured on a 2-core Zen 3 machine,
/// <c>descent trial --objective cnn-2c2d --dataset fashion-mnist</c> (5,120 images, batch 128, 3 epochs),
/// alternating, twice each: at 2 threads 3.70-4.03 s per epoch against 4.52-4.56 s, evaluation 10.2-10.9 s against
/// 13.3-14.0 s; at 1 thread the epochs even (7.04-7.57 against 6.66-7.48 s), evaluation 19.6-19.7 s against 20.9-24.1 s.
/// All threads share the main arena (<c>M_ARENA_MAX</c> 1): trials run on thread-pool threads, and glibc's other
/// arenas grow in heaps of at most 64 MB, so they map a larger block on its own whatever the settings, and give
/// memory back when a heap empties. An evaluation-heavy <c>cnn-2c2d</c> trial (10,128 images evaluated twice, 1
/// thread) evaluated 1,669-1,849 images per second with the other settings alone and 2,344-2,580 with one arena;
/// its minor page faults went from 1.3-1.4 million to 0.23-0.28 million. Set as early as the process starts
/// (<c>Program</c>), since a thread keeps the arena it first allocated from. A <c>GLIBC_TUNABLES</c> that sets any
/// <c>glibc.malloc</c> tunable is the user's choice and left alone, as is a C library other than glibc.
/// </summary>
public static class NativeHeap
{
    /// <summary>The same settings for a child process (the PyTorch baselines), through glibc's environment variable.</summary>
    public const string Tunables = "glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=2147483647";

    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MmapMax = -4;       // M_MMAP_MAX
    private const int ArenaMax = -8;      // M_ARENA_MAX
    private static int applied;

    /// <summary>Whether this process keeps freed memory (set here, or by the user's own <c>GLIBC_TUNABLES</c>: then false).</summary>
    public static bool KeepsFreedMemory { get; private set; }

    /// <summary>Applies the settings once per process; later calls do nothing.</summary>
    public static void KeepFreedMemory()
    {
        if (Interlocked.Exchange(ref applied, 1) == 1 || !OperatingSystem.IsLinux() ||
            (Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "").Contains("glibc.malloc", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            KeepsFreedMemory = mallopt(ArenaMax, 1) == 1 && mallopt(MmapMax, 0) == 1 && mallopt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt): its allocator stays as it is.
        }
        catch (DllNotFoundException)
        {
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
