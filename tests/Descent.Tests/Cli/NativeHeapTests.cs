using System.Runtime.InteropServices;
using Descent.Cli;
using Descent.Cli.Hosting;
using static TorchSharp.torch;

namespace Descent.Tests.Cli;

/// <summary>
/// Once the host has started, glibc serves libtorch's large tensors from its heap and keeps them there when freed,
/// instead of mapping and unmapping each one (<see cref="NativeHeap"/>). glibc's own counters tell: the bytes in
/// blocks mapped on their own (<c>hblkhd</c>) and the free bytes the heap keeps (<c>fordblks</c>).
/// </summary>
public sealed class NativeHeapTests
{
    // 32 MB: at least glibc's largest threshold for blocks of their own by default, and small enough for the heap of a
    // thread's own arena (64 MB), which this test thread may have taken before the settings made one arena for all.
    private const long TensorBytes = 32L << 20;

    [Test]
    public void After_the_host_starts_a_32_MB_tensor_comes_from_the_heap_and_stays_there_when_freed()
    {
        Assert.That(Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "", Does.Not.Contain("glibc.malloc"), "the test needs glibc's defaults to start from");
        using (EngineHost.Start(new CliConsole(TextWriter.Null, TextWriter.Null), []))
        {
            Assert.That(NativeHeap.KeepsFreedMemory, Is.True, "glibc on Linux takes the settings");
        }

        var before = MallocInfo.Read();
        (long MappedBytes, long FreeHeapBytes) during;
        using (var t = ones(TensorBytes / sizeof(float)))
        {
            Assert.That(t.sum().item<float>(), Is.EqualTo(TensorBytes / sizeof(float)));
            during = MallocInfo.Read();
            Assert.That(during.MappedBytes - before.MappedBytes, Is.LessThan(1L << 20), "no mapping of its own");
        }

        Assert.That(MallocInfo.Read().FreeHeapBytes - during.FreeHeapBytes, Is.GreaterThan(TensorBytes - (1L << 20)), "the freed block stays in the heap (less what other threads took meanwhile)");
    }

    private static class MallocInfo
    {
        public static (long MappedBytes, long FreeHeapBytes) Read()
        {
            var info = mallinfo2();
            return ((long)info.Hblkhd, (long)info.Fordblks);
        }

        [DllImport("libc.so.6")]
        private static extern Info mallinfo2();

        [StructLayout(LayoutKind.Sequential)]
        private struct Info
        {
            public nuint Arena;
            public nuint Ordblks;
            public nuint Smblks;
            public nuint Hblks;
            public nuint Hblkhd;
            public nuint Usmblks;
            public nuint Fsmblks;
            public nuint Uordblks;
            public nuint Fordblks;
            public nuint Keepcost;
        }
    }
}
