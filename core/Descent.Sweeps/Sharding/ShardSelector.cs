using System.Globalization;

namespace Descent.Sweeps.Sharding;

/// <summary>
/// Which shard this process runs: <c>--shard K/N</c> when given; else a Slurm job array
/// (<c>SLURM_ARRAY_TASK_ID</c> minus <c>SLURM_ARRAY_TASK_MIN</c>, of <c>SLURM_ARRAY_TASK_COUNT</c>); else a Kubernetes
/// Indexed Job (<c>JOB_COMPLETION_INDEX</c>, of <c>--shards N</c> or <c>DESCENT_SHARD_COUNT</c>); else the whole sweep.
/// </summary>
public static class ShardSelector
{
    /// <summary>The environment variable that gives the shard count to a Kubernetes Indexed Job.</summary>
    public const string ShardCountVariable = "DESCENT_SHARD_COUNT";

    /// <summary>Resolves the shard.</summary>
    /// <param name="option">The <c>--shard</c> value, e.g. <c>2/8</c>.</param>
    /// <param name="shards">The <c>--shards</c> value (the count, for Indexed Jobs).</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <exception cref="SweepException">A malformed or inconsistent shard.</exception>
    public static Shard Resolve(string? option, int? shards, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(option))
        {
            var parts = option.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                throw new SweepException($"--shard '{option}' must be K/N with whole numbers, e.g. --shard 0/4 (shards are numbered from 0)");
            }

            return Checked(k, n, "--shard");
        }

        string? slurmId = environment("SLURM_ARRAY_TASK_ID");
        if (!string.IsNullOrEmpty(slurmId))
        {
            int id = Number(slurmId, "SLURM_ARRAY_TASK_ID");
            int min = environment("SLURM_ARRAY_TASK_MIN") is { Length: > 0 } m ? Number(m, "SLURM_ARRAY_TASK_MIN") : 0;
            string? countText = environment("SLURM_ARRAY_TASK_COUNT");
            if (string.IsNullOrEmpty(countText))
            {
                throw new SweepException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; submit the sweep as a job array (sbatch --array=0-N), or give --shard K/N");
            }

            return Checked(id - min, Number(countText, "SLURM_ARRAY_TASK_COUNT"), "Slurm job array");
        }

        string? jobIndex = environment("JOB_COMPLETION_INDEX");
        if (!string.IsNullOrEmpty(jobIndex))
        {
            int? count = shards ?? (environment(ShardCountVariable) is { Length: > 0 } c ? Number(c, ShardCountVariable) : null);
            if (count is null)
            {
                throw new SweepException($"JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but the shard count is not; give --shards N or set {ShardCountVariable}");
            }

            return Checked(Number(jobIndex, "JOB_COMPLETION_INDEX"), count.Value, "Kubernetes Indexed Job");
        }

        return Shard.All;
    }

    private static Shard Checked(int index, int count, string source)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new SweepException($"invalid shard {index}/{count} from {source}: the count must be at least 1 and the index in [0, {Math.Max(0, count - 1)}]");
        }

        return new Shard(index, count, source);
    }

    private static int Number(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new SweepException($"{name} = '{text}' is not a whole number");
}
