namespace Descent.Sweeps.Workers;

/// <summary>Why a worker process ended, in words: the signal that killed it (exit code 128 + N on Unix) or its exit code.</summary>
internal static class ExitCause
{
    private static readonly Dictionary<int, (string Name, string Meaning)> Signals = new()
    {
        [1] = ("SIGHUP", "hang-up"),
        [2] = ("SIGINT", "interrupted"),
        [4] = ("SIGILL", "illegal instruction"),
        [5] = ("SIGTRAP", "trap"),
        [6] = ("SIGABRT", "aborted: a native abort, Environment.FailFast or a stack overflow"),
        [7] = ("SIGBUS", "bus error"),
        [8] = ("SIGFPE", "arithmetic fault"),
        [9] = ("SIGKILL", "killed, e.g. by the out-of-memory killer"),
        [11] = ("SIGSEGV", "segmentation fault: a bad memory access in native code"),
        [13] = ("SIGPIPE", "broken pipe"),
        [15] = ("SIGTERM", "terminated"),
    };

    /// <summary>E.g. <c>killed by SIGSEGV (segmentation fault: ...; exit code 139)</c> or <c>exited with code 3</c>.</summary>
    public static string Describe(int? exitCode)
    {
        if (exitCode is not { } code)
        {
            return "ended its output but did not exit";
        }

        if (!OperatingSystem.IsWindows() && code > 128 && code < 128 + 65)
        {
            int signal = code - 128;
            return Signals.TryGetValue(signal, out var known)
                ? $"killed by {known.Name} ({known.Meaning}; exit code {code})"
                : $"killed by signal {signal} (exit code {code})";
        }

        return $"exited with code {code}";
    }

    /// <summary>
    /// The last few informative lines of a worker's standard error, joined into one: stack frames and the
    /// runtime's separator lines are left out, so that a fatal error's message (<c>Process terminated. ...</c>,
    /// <c>Stack overflow.</c>) is what shows.
    /// </summary>
    public static string LastLines(string stderr, int count = 3)
    {
        var lines = stderr.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("at ", StringComparison.Ordinal) && l.Trim('-').Length > 0 && !l.StartsWith("Repeat", StringComparison.Ordinal))
            .ToArray();
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - count)).Select(l => l.Length > 300 ? l[..300] + "..." : l));
    }
}
