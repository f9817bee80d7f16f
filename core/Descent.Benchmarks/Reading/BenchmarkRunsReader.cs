using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Running;
using Descent.Runs;
using Descent.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Benchmarks.Reading;

/// <summary>
/// Reads a benchmark's runs from the tracking store (every shard and machine): the curves of its tuning trials,
/// then of the reruns of each study's best configuration (known from the tuning curves).
/// </summary>
public static class BenchmarkRunsReader
{
    /// <summary>Curves by trial identity, for every trial of the plan (tuning and reruns) that has a final run in <paramref name="experimentName"/>.</summary>
    /// <exception cref="TrackingException">The store cannot be read.</exception>
    /// <exception cref="InvalidOperationException">No such experiment.</exception>
    public static async Task<IReadOnlyDictionary<string, RunCurve>> ReadAsync(ITrackingStore store, string experimentName, BenchmarkPlan plan, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        var experiment = await store.GetExperimentByNameAsync(experimentName, cancellation).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"no experiment '{experimentName}' at {TrackingUri.Scrub(store.Location)}; run the benchmark first (descent benchmark {plan.File.Path}), or name the experiment its runs went to with --experiment");
        var runs = await store.SearchRunsAsync(experiment.ExperimentId, RunFilter.Tag(RunKeys.Tags.Sweep, plan.Sweep.Identity), cancellation).ConfigureAwait(false);
        return await ReadAsync(store, runs, plan, cancellation).ConfigureAwait(false);
    }

    /// <summary>Curves by trial identity from <paramref name="runs"/> (the experiment's, or the benchmark's).</summary>
    public static async Task<IReadOnlyDictionary<string, RunCurve>> ReadAsync(ITrackingStore store, IReadOnlyList<Run> runs, BenchmarkPlan plan, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tuning = await RunCurves.ReadAsync(store, runs, plan.Tuning, cancellation).ConfigureAwait(false);
        var reruns = new List<BenchmarkTrial>();
        foreach (var study in StudySelection.Studies(plan))
        {
            if (StudySelection.Best(study, tuning, out _) is { } best)
            {
                reruns.AddRange(plan.Reruns(best));
            }
        }

        var rerunCurves = await RunCurves.ReadAsync(store, runs, reruns, cancellation).ConfigureAwait(false);
        var all = new Dictionary<string, RunCurve>(tuning, StringComparer.Ordinal);
        foreach (var (identity, curve) in rerunCurves)
        {
            all.TryAdd(identity, curve);
        }

        return all;
    }
}
