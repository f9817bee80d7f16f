namespace Descent.Cli.Bench;

/// <summary>
/// A benchmark run by <c>descent bench NAME</c>. It measures the variants it compares side by side in
/// one run and prints figures (and ratios) to <see cref="BenchContext.Console"/>; with <c>--json</c>
/// it also returns them as values.
/// </summary>
public interface IBenchmarkSuite
{
    /// <summary>The name on the command line.</summary>
    string Name { get; }

    /// <summary>One line: what it measures.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; returns its figures by name (units in the names, e.g. <c>us_per_step</c>).</summary>
    IReadOnlyDictionary<string, double> Run(BenchContext context);
}
