using System.Globalization;
using System.Text;

namespace Descent.Sweeps.Sharding;

/// <summary>An sbatch script that runs a sweep as a Slurm job array, one array task per shard.</summary>
public static class SlurmScript
{
    /// <summary>The script text.</summary>
    /// <param name="name">Job name (the experiment's).</param>
    /// <param name="shards">Array size.</param>
    /// <param name="command">The worker command each task runs.</param>
    /// <param name="workingDirectory">Where the checkout is on the cluster.</param>
    /// <param name="timeLimit">Slurm time limit per task, e.g. <c>02:00:00</c>.</param>
    public static string Create(string name, int shards, WorkerCommand command, string workingDirectory, string timeLimit)
    {
        string job = Sanitize(name);
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name=descent-{job}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{shards - 1}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={command.Parallel}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --time={timeLimit}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --output=descent-{job}-%A_%a.out\n");
        s.Append("# Each array task runs one shard: Descent reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT.\n");
        s.Append("# Every shard must log to the same tracking server (or a store on a shared file system).\n");
        s.Append("set -euo pipefail\n");
        s.Append(CultureInfo.InvariantCulture, $"cd {Quote(workingDirectory)}\n");
        s.Append(command.ShellLine).Append('\n');
        return s.ToString();
    }

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
