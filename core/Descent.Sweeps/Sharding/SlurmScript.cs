using System.Globalization;
using System.Text;

namespace Descent.Sweeps.Sharding;

/// <summary>
/// An sbatch script that runs a sweep as a Slurm job array, one array task per shard. The task's shard is
/// passed explicitly (<c>--shard ${SLURM_ARRAY_TASK_ID}/N</c>), so resubmitting any subset of indices
/// (<c>sbatch --array=2 job.sbatch</c>) reruns exactly those shards. Logs are appended (a requeued task keeps
/// its first attempt's log), tasks are requeued on node failure, and SIGTERM comes
/// <see cref="SlurmResources.SignalSecondsBeforeLimit"/> seconds before the time limit to Descent itself
/// (<c>exec</c>), so running trials end KILLED and the next attempt runs them again.
/// </summary>
public static class SlurmScript
{
    /// <summary>The variable Slurm sets to the array task's index.</summary>
    public const string IndexVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>The script text.</summary>
    /// <param name="name">Job name (the experiment's).</param>
    /// <param name="shards">Array size.</param>
    /// <param name="command">The worker command each task runs (its executable and paths absolute: the job runs in the submit directory).</param>
    /// <param name="resources">What each task asks Slurm for.</param>
    public static string Create(string name, int shards, WorkerCommand command, SlurmResources resources)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(resources);
        string job = Sanitize(name);
        var worker = command with { Shard = ShardArgument(shards) };
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        Directive(s, $"--job-name=descent-{job}");
        Directive(s, $"--array=0-{shards - 1}");
        Directive(s, $"--cpus-per-task={resources.CpusPerTask ?? command.Parallel}");
        Directive(s, $"--time={resources.Time}");
        if (resources.Partition is not null)
        {
            Directive(s, $"--partition={resources.Partition}");
        }

        if (resources.Memory is not null)
        {
            Directive(s, $"--mem={resources.Memory}");
        }

        if (resources.Account is not null)
        {
            Directive(s, $"--account={resources.Account}");
        }

        Directive(s, $"--output=descent-{job}-%A_%a.out");
        Directive(s, "--open-mode=append");
        Directive(s, "--requeue");
        Directive(s, $"--signal=B:TERM@{SlurmResources.SignalSecondsBeforeLimit}");
        foreach (string extra in resources.ExtraArguments)
        {
            Directive(s, extra);
        }

        s.Append(CultureInfo.InvariantCulture, $"# Array task K runs shard K of {shards}; rerun some with: sbatch --array=K[,K...] THIS_FILE\n");
        s.Append("# Every shard must log to the same tracking server (or a store on a file system every node sees).\n");
        s.Append("set -euo pipefail\n");
        s.Append("exec ").Append(worker.ShellLine).Append('\n');
        return s.ToString();
    }

    /// <summary>The <c>--shard</c> value of an array task: its own index, of <paramref name="shards"/>.</summary>
    public static string ShardArgument(int shards) => $"${{{IndexVariable}}}/{shards.ToString(CultureInfo.InvariantCulture)}";

    private static void Directive(StringBuilder s, string option) => s.Append("#SBATCH ").Append(option).Append('\n');

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
