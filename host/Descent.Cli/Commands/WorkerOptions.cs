using System.CommandLine;
using Descent.Sweeps.Workers;

namespace Descent.Cli.Commands;

/// <summary>Where trials run: <c>--in-process</c>, <c>--trial-timeout</c>, <c>--threads-per-trial</c> (sweep and trial).</summary>
public static class WorkerOptions
{
    /// <summary><c>--in-process</c>: run trials on threads of this process, as before workers (for debugging: a crash ends everything).</summary>
    public static Option<bool> InProcess { get; } = new("--in-process")
    {
        Description = "run trials in this process instead of worker processes (for debugging; a crashing plugin then ends the whole command)",
    };

    /// <summary><c>--trial-timeout</c>: a trial's time limit.</summary>
    public static Option<string> TrialTimeout { get; } = new("--trial-timeout")
    {
        Description = "fail a trial that runs longer than this (e.g. 90s, 5m, 2h; a number is seconds): its worker is killed; overrides every 'timeout:' of the file for the whole run",
    };

    /// <summary><c>--threads-per-trial</c>: libtorch threads in each worker, or for the trials of this process with <c>--in-process</c>.</summary>
    public static Option<int?> ThreadsPerTrial { get; } = new("--threads-per-trial")
    {
        Description = "libtorch threads in each worker, or in this process with --in-process (default: cores / --parallel, at least 1)",
    };

    /// <summary><c>--worker-memory</c>: the most resident memory a worker may reach.</summary>
    public static Option<string> WorkerMemory { get; } = new("--worker-memory")
    {
        Description = "fail a trial whose worker's resident memory goes over this (e.g. 2G, 512M): the worker is killed and replaced",
    };

    /// <summary>The options, to add to a command.</summary>
    public static IEnumerable<Option> All => [InProcess, TrialTimeout, ThreadsPerTrial, WorkerMemory];

    /// <summary>The time limit, or null; a bad value is a usage error that names it.</summary>
    public static TimeSpan? Timeout(ParseResult parsed)
    {
        string? text = parsed.GetValue(TrialTimeout);
        if (text is null)
        {
            return null;
        }

        if (parsed.GetValue(InProcess))
        {
            throw new UsageException("--trial-timeout needs worker processes (a trial on a thread of this process cannot be killed); drop --in-process or --trial-timeout");
        }

        return TrialTimeLimit.TryParseDuration(text, out var limit)
            ? limit
            : throw new UsageException($"invalid --trial-timeout '{text.Trim()}'; {TrialTimeLimit.Syntax}");
    }

    /// <summary>The memory limit of each worker, or null; a bad value is a usage error that names it.</summary>
    public static WorkerMemoryLimit? MemoryLimit(ParseResult parsed)
    {
        string? text = parsed.GetValue(WorkerMemory);
        if (text is null)
        {
            return null;
        }

        if (parsed.GetValue(InProcess))
        {
            throw new UsageException("--worker-memory needs worker processes (a trial on a thread of this process cannot be measured or killed alone); drop --in-process or --worker-memory");
        }

        return WorkerMemoryLimit.TryParse(text, out var limit)
            ? limit
            : throw new UsageException($"invalid --worker-memory '{text.Trim()}'; {WorkerMemoryLimit.Syntax}");
    }

    /// <summary>libtorch threads per worker: the option, else cores / <paramref name="parallel"/>, at least 1.</summary>
    public static int Threads(ParseResult parsed, int parallel)
    {
        int? threads = parsed.GetValue(ThreadsPerTrial);
        if (threads is < 1)
        {
            throw new UsageException($"invalid --threads-per-trial {threads}; give at least 1");
        }

        return threads ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, parallel));
    }
}
