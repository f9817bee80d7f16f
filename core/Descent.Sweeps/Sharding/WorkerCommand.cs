namespace Descent.Sweeps.Sharding;

/// <summary>
/// The command every shard of a sweep runs, the same on every engine: the shard itself comes from the
/// engine's environment (Slurm array or Indexed Job variables), so the command carries no index.
/// </summary>
/// <param name="Executable">How the host is invoked (<c>./descent</c> in a checkout, <c>descent</c> in an image).</param>
/// <param name="ExperimentFile">The experiment file, as the worker sees it.</param>
/// <param name="TrackingUri">Where every shard logs (one tracking server for all), or null for the default.</param>
/// <param name="Experiment">The MLflow experiment name, or null for the file's.</param>
/// <param name="Parallel">Trials each shard runs at once.</param>
public sealed record WorkerCommand(string Executable, string ExperimentFile, string? TrackingUri, string? Experiment, int Parallel)
{
    /// <summary>The argument list (executable first).</summary>
    public IReadOnlyList<string> Arguments
    {
        get
        {
            var args = new List<string> { Executable, "sweep", ExperimentFile, "--parallel", Parallel.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (TrackingUri is not null)
            {
                args.AddRange(["--tracking-uri", TrackingUri]);
            }

            if (Experiment is not null)
            {
                args.AddRange(["--experiment", Experiment]);
            }

            return args;
        }
    }

    /// <summary>The command as one shell line, each argument quoted when it needs to be.</summary>
    public string ShellLine => string.Join(" ", Arguments.Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=@%+,".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
