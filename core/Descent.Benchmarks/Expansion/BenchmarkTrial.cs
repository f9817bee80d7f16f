using Descent.Benchmarks.Files;
using Descent.Runs;
using Descent.Sweeps.Expansion;

namespace Descent.Benchmarks.Expansion;

/// <summary>One trial of a benchmark: a tuning trial of a study, or a rerun of a study's best configuration.</summary>
/// <param name="Sweep">The trial as the sweep machinery runs and tracks it.</param>
/// <param name="Cell">Its workload and optimizer.</param>
/// <param name="Study">The study it belongs to (0-based).</param>
/// <param name="Number">Its number within the study's tuning trials (0-based); for a rerun, the tuning trial it repeats.</param>
/// <param name="Rerun">True for a rerun of the study's best configuration with a rerun seed.</param>
public sealed record BenchmarkTrial(SweepTrial Sweep, BenchmarkCell Cell, int Study, int Number, bool Rerun)
{
    /// <summary>Tag on a trial's run: <c>tune</c> or <c>rerun</c> (a rerun that equals a tuning trial keeps the tuning trial's run).</summary>
    public const string PhaseTag = RunKeys.Tags.BenchmarkPhase;

    /// <summary>Tag on a trial's run: its study.</summary>
    public const string StudyTag = RunKeys.Tags.BenchmarkStudy;

    /// <summary>Tag on a trial's run: its number within its study.</summary>
    public const string NumberTag = RunKeys.Tags.BenchmarkTrial;
}
