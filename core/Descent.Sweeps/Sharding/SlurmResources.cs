namespace Descent.Sweeps.Sharding;

/// <summary>
/// What each array task of a sweep asks Slurm for, written as <c>#SBATCH</c> lines. Unset values are left
/// to the cluster's defaults, except the time limit (<see cref="DefaultTime"/>) and the CPUs (the worker's
/// <c>--parallel</c>).
/// </summary>
/// <param name="Time">Time limit per array task (<c>--time</c>), e.g. <c>02:00:00</c>.</param>
public sealed record SlurmResources(string Time = SlurmResources.DefaultTime)
{
    /// <summary>The time limit when none is given.</summary>
    public const string DefaultTime = "02:00:00";

    /// <summary>Seconds before the time limit at which Slurm sends SIGTERM, so running trials end KILLED cleanly.</summary>
    public const int SignalSecondsBeforeLimit = 120;

    /// <summary><c>--partition</c>; null for the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary><c>--cpus-per-task</c>; null for the worker's <c>--parallel</c>.</summary>
    public int? CpusPerTask { get; init; }

    /// <summary><c>--mem</c>, e.g. <c>4G</c>; null for the cluster's default.</summary>
    public string? Memory { get; init; }

    /// <summary><c>--account</c>; null for the user's default.</summary>
    public string? Account { get; init; }

    /// <summary>Further sbatch options, one <c>#SBATCH</c> line each, e.g. <c>--qos=high</c>.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Every problem with the values, each naming the value and what to give; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (CpusPerTask is < 1)
        {
            problems.Add($"--cpus-per-task {CpusPerTask} must be at least 1");
        }

        foreach (var (name, value) in new[] { ("--time", Time), ("--partition", Partition), ("--mem", Memory), ("--account", Account) })
        {
            if (value is not null && (value.Trim().Length == 0 || value.Any(char.IsWhiteSpace)))
            {
                problems.Add($"{name} '{value}' must be one word without spaces, e.g. {Example(name)}");
            }
        }

        foreach (string argument in ExtraArguments)
        {
            if (!argument.StartsWith('-') || argument.Contains('\n') || argument.Contains('\r'))
            {
                problems.Add($"--sbatch-arg '{argument}' must be one sbatch option on one line, e.g. --sbatch-arg=--qos=high");
            }
        }

        return problems;
    }

    private static string Example(string option) => option switch
    {
        "--time" => "--time 02:00:00",
        "--mem" => "--mem 4G",
        _ => option + " NAME",
    };
}
