using Descent.Benchmarks.Files;
using Descent.Runs;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;

namespace Descent.Benchmarks.Expansion;

/// <summary>One workload x optimizer of a benchmark: a run of its own (a child of the benchmark's parent) whose children are its trials.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Optimizer">The optimizer entry and its search space.</param>
public sealed record BenchmarkCell(Workload Workload, OptimizerEntry Optimizer)
{
    /// <summary>Tag on a cell's run and its trials' runs: the workload's name.</summary>
    public const string WorkloadTag = RunKeys.Tags.BenchmarkWorkload;

    /// <summary>Tag on a cell's run and its trials' runs: the optimizer entry's label (its id when unlabelled).</summary>
    public const string OptimizerTag = RunKeys.Tags.BenchmarkOptimizer;

    /// <summary>The optimizer's name in reports: the entry's label, else its id.</summary>
    public string OptimizerName => Optimizer.Label ?? Optimizer.Id;

    /// <summary>The cell's name: <c>workload / optimizer</c>.</summary>
    public string Name => $"{Workload.Name} / {OptimizerName}";

    /// <summary>The group its trials' runs belong to.</summary>
    public SweepGroup Group => new(Name, Name, [new(WorkloadTag, Workload.Name), new(OptimizerTag, OptimizerName)]);
}
