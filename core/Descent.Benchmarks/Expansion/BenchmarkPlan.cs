using Descent.Benchmarks.Files;
using Descent.Engine.Trials;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;

namespace Descent.Benchmarks.Expansion;

/// <summary>
/// A benchmark expanded: its cells (workload x optimizer) and their tuning trials (study x trial), in a fixed
/// order. The reruns of each study's best configuration are made from it once the study's tuning has ended
/// (<see cref="Reruns"/>); the benchmark's identity is its tuning trials', so adding rerun seeds later keeps its runs.
/// </summary>
public sealed class BenchmarkPlan
{
    internal BenchmarkPlan(BenchmarkFile file, IReadOnlyList<BenchmarkCell> cells, IReadOnlyList<BenchmarkTrial> tuning)
    {
        File = file;
        Cells = cells;
        Tuning = tuning;
        Sweep = new SweepPlan(AsExperiment(file), tuning.Select(t => t.Sweep).ToArray());
    }

    /// <summary>The benchmark file.</summary>
    public BenchmarkFile File { get; }

    /// <summary>Workload x optimizer, workloads in file order, then optimizers in file order.</summary>
    public IReadOnlyList<BenchmarkCell> Cells { get; }

    /// <summary>Every tuning trial: cell, then study, then trial.</summary>
    public IReadOnlyList<BenchmarkTrial> Tuning { get; }

    /// <summary>The tuning trials as a sweep (its identity is the benchmark's; tracking and sharding run on it).</summary>
    public SweepPlan Sweep { get; }

    /// <summary>
    /// The reruns of a study's best tuning trial with the protocol's rerun seeds; a seed that equals the study's own
    /// training seed gives the tuning trial itself and is left out (it has run).
    /// </summary>
    public IReadOnlyList<BenchmarkTrial> Reruns(BenchmarkTrial best)
    {
        ArgumentNullException.ThrowIfNull(best);
        int cell = IndexOf(best.Cell);
        var seeds = File.Protocol.RerunSeeds;
        var reruns = new List<BenchmarkTrial>();
        for (int r = 0; r < seeds.Count; r++)
        {
            var trial = best.Sweep.Trial with { Seed = seeds[r], Spec = best.Sweep.Trial.Spec with { Seed = seeds[r] } };
            string identity = TrialIdentity.Hash(trial);
            if (identity == best.Sweep.Identity)
            {
                continue;
            }

            int index = Tuning.Count + (((cell * File.Protocol.Studies) + best.Study) * seeds.Count) + r;
            var sweepTrial = new SweepTrial(index, best.Sweep.Configuration, trial, identity)
            {
                Group = best.Cell.Group,
                Tags = BenchmarkExpander.TrialTags(best.Study, best.Number, rerun: true),
                Timeout = best.Sweep.Timeout,
            };
            reruns.Add(new BenchmarkTrial(sweepTrial, best.Cell, best.Study, best.Number, Rerun: true));
        }

        return reruns;
    }

    private int IndexOf(BenchmarkCell cell)
    {
        for (int i = 0; i < Cells.Count; i++)
        {
            if (Cells[i] == cell)
            {
                return i;
            }
        }

        throw new ArgumentException($"cell '{cell.Name}' is not one of this benchmark's", nameof(cell));
    }

    /// <summary>The benchmark as the experiment file a sweep's tracking names (its parent run's name, file and description).</summary>
    private static ExperimentFile AsExperiment(BenchmarkFile file) => new(
        file.Path,
        file.Text,
        file.Name,
        string.IsNullOrWhiteSpace(file.Description) ? $"Benchmark {file.Name}" : file.Description,
        [],
        null,
        new TrainingSection(null, null, null, null, null, null, null, new SourceLocation(file.Path, 1, 1)),
        [],
        new SearchSection(BenchmarkExpander.Mode(file.Protocol.Search), file.Protocol.TrialsPerStudy, file.Seed, new SourceLocation(file.Path, 1, 1)),
        file.Optimizers);
}
