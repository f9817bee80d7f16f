namespace Descent.Sweeps.Workers;

/// <summary>
/// Marks a worker process as the kernel's first choice when memory runs out (Linux <c>oom_score_adj</c> 1000, which
/// any process may set for itself), so that a trial that eats the machine's memory costs its worker, never the
/// coordinator that records every other trial.
/// </summary>
public static class WorkerOomScore
{
    private const string Path = "/proc/self/oom_score_adj";

    /// <summary>Sets this process's <c>oom_score_adj</c> to 1000; false where the system has none (not Linux) or refuses.</summary>
    public static bool PreferThisProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText(Path, "1000");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The <c>oom_score_adj</c> of process <paramref name="pid"/>, or null where it cannot be read.</summary>
    public static int? Of(int pid)
    {
        try
        {
            return int.TryParse(File.ReadAllText($"/proc/{pid}/oom_score_adj").Trim(), out int score) ? score : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
