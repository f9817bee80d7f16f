using Descent.Sweeps.Running;

namespace Descent.Benchmarks.Running;

/// <summary>What a benchmark run did here.</summary>
/// <param name="Outcomes">The trials this process ran (tuning trials, then reruns).</param>
/// <param name="Skipped">Tuning trials of this shard the store already held as finished.</param>
/// <param name="RerunTrials">Reruns known when it ended (the studies with every tuning trial final).</param>
/// <param name="StudiesWaiting">Studies whose tuning trials were not all final when it ended (their reruns are not known yet).</param>
public sealed record BenchmarkRunResult(IReadOnlyList<SweepTrialOutcome> Outcomes, int Skipped, IReadOnlyList<Expansion.BenchmarkTrial> RerunTrials, int StudiesWaiting)
{
    /// <summary>How many reruns were known.</summary>
    public int Reruns => RerunTrials.Count;
}
