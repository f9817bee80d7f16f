using System.Globalization;

namespace Descent.Sweeps.Sharding;

/// <summary>
/// The command every shard of a sweep runs, the same on every engine up to how the host is invoked and
/// how the engine names the shard (<see cref="Shard"/>: <c>${SLURM_ARRAY_TASK_ID}/N</c> in an sbatch script,
/// <c>$(DESCENT_SHARD_INDEX)/N</c> in a Kubernetes manifest). Every option a worker needs is carried on the
/// command line, so a job means what was asked whatever environment it runs in.
/// </summary>
/// <param name="Executable">How the host is invoked (the checkout's <c>descent</c> script, <c>descent</c> in an image).</param>
/// <param name="ExperimentFile">The experiment file, as the worker sees it.</param>
/// <param name="TrackingUri">Where every shard logs (one tracking server, or a store every node sees), or null for the worker's default.</param>
/// <param name="Experiment">The MLflow experiment name, or null for the file's.</param>
/// <param name="Parallel">Trials each shard runs at once.</param>
public sealed record WorkerCommand(string Executable, string ExperimentFile, string? TrackingUri, string? Experiment, int Parallel)
{
    /// <summary>The <c>--shard</c> value with the engine's index variable, e.g. <c>${SLURM_ARRAY_TASK_ID}/4</c>; null to let the worker read its environment.</summary>
    public string? Shard { get; init; }

    /// <summary><c>--report-dir</c>: where the last shard writes the report; null for the worker's default.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary><c>--retries</c>; null for the worker's default.</summary>
    public int? Retries { get; init; }

    /// <summary><c>--data-dir</c>; null for none.</summary>
    public string? DataDirectory { get; init; }

    /// <summary><c>--offline</c>: the worker never downloads data.</summary>
    public bool Offline { get; init; }

    /// <summary>The host command each shard runs: <c>sweep</c> for an experiment file, <c>benchmark</c> for a benchmark file.</summary>
    public string Verb { get; init; } = "sweep";

    /// <summary><c>--plugins</c>, each given once.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>The argument list (executable first).</summary>
    public IReadOnlyList<string> Arguments => Words().Select(w => w.Text).ToArray();

    /// <summary>
    /// The command as one shell line, each argument single-quoted when it needs to be; the shard is
    /// double-quoted so that the shell expands the engine's index variable in it.
    /// </summary>
    public string ShellLine => string.Join(" ", Words().Select(w => w.Expand ? "\"" + w.Text + "\"" : Quote(w.Text)));

    private IEnumerable<(string Text, bool Expand)> Words()
    {
        yield return (Executable, false);
        yield return (Verb, false);
        yield return (ExperimentFile, false);
        yield return ("--parallel", false);
        yield return (Parallel.ToString(CultureInfo.InvariantCulture), false);
        if (Shard is not null)
        {
            yield return ("--shard", false);
            yield return (Shard, true);
        }

        foreach (var (option, value) in Options())
        {
            yield return (option, false);
            if (value is not null)
            {
                yield return (value, false);
            }
        }
    }

    private IEnumerable<(string Option, string? Value)> Options()
    {
        if (TrackingUri is not null)
        {
            yield return ("--tracking-uri", TrackingUri);
        }

        if (Experiment is not null)
        {
            yield return ("--experiment", Experiment);
        }

        if (ReportDirectory is not null)
        {
            yield return ("--report-dir", ReportDirectory);
        }

        if (Retries is { } retries)
        {
            yield return ("--retries", retries.ToString(CultureInfo.InvariantCulture));
        }

        if (DataDirectory is not null)
        {
            yield return ("--data-dir", DataDirectory);
        }

        if (Offline)
        {
            yield return ("--offline", null);
        }

        foreach (string plugin in Plugins)
        {
            yield return ("--plugins", plugin);
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=@%+,".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
