using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Reading;
using Descent.Runs;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Running;
using Descent.Sweeps.Sharding;
using Descent.Sweeps.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;

namespace Descent.Benchmarks.Running;

/// <summary>
/// Runs a benchmark's protocol: this process's share of the tuning trials (as a sweep: resumable, parallel,
/// sharded), then the reruns of every study whose tuning has ended, each study's best configuration chosen by the
/// validation metric. Reruns are sharded as tuning trials are while other shards are alive; a process that finds
/// no other alive runs every rerun left, so that a sharded benchmark completes without a second pass. While
/// studies still wait for tuning trials of live shards, it waits for them.
/// </summary>
public sealed class BenchmarkRunner(SweepRunner sweeps)
{
    /// <summary>How often a process that waits for other shards' tuning trials looks again.</summary>
    public static TimeSpan WaitInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Runs the protocol; <paramref name="tracking"/> null runs it untracked (selection from this process's results).</summary>
    public async Task<BenchmarkRunResult> RunAsync(
        BenchmarkPlan plan, SweepRunOptions options, SweepTracking? tracking, ITrackingStore? store, ISweepProgress progress, Action<string> say, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(say);
        var (outcomes, skipped) = await sweeps.RunAsync(plan.Sweep, options, tracking, progress, cancellation).ConfigureAwait(false);
        var all = new List<SweepTrialOutcome>(outcomes);
        var ranHere = new HashSet<string>(outcomes.Select(o => o.Trial.Identity), StringComparer.Ordinal);
        var reruns = new List<BenchmarkTrial>();
        int waiting = 0;
        bool fromStore = tracking is { Reachable: true } && store is not null;
        while (!cancellation.IsCancellationRequested)
        {
            IReadOnlyDictionary<string, RunCurve> curves;
            IReadOnlySet<string> final;
            if (fromStore)
            {
                await tracking!.RefreshAsync(cancellation).ConfigureAwait(false);
                curves = await RunCurves.ReadAsync(store!, tracking.Runs, plan.Tuning, cancellation).ConfigureAwait(false);
                final = FinalIdentities(tracking.Runs);
            }
            else
            {
                curves = Local(plan, all);
                final = all.Select(o => o.Trial.Identity).ToHashSet(StringComparer.Ordinal);
            }

            reruns.Clear();
            waiting = 0;
            foreach (var study in StudySelection.Studies(plan))
            {
                var best = StudySelection.Best(study, curves, out bool complete);
                waiting += complete ? 0 : 1;
                if (best is not null)
                {
                    reruns.AddRange(plan.Reruns(best));
                }
            }

            tracking?.AddTrials(reruns.Select(r => r.Sweep));
            var pending = reruns.Where(r => !final.Contains(r.Sweep.Identity) && !ranHere.Contains(r.Sweep.Identity)).ToArray();
            bool othersAlive = tracking is not null && await tracking.OtherProcessAliveAsync(cancellation).ConfigureAwait(false);
            var mine = othersAlive ? pending.Where(r => options.Shard.Contains(r.Sweep)).ToArray() : pending;
            if (mine.Length > 0)
            {
                say($"reruns: {mine.Length} of the studies' best configurations with the rerun seeds");
                var rerunPlan = new SweepPlan(plan.Sweep.File, mine.Select(r => r.Sweep).ToArray());
                var (rerunOutcomes, _) = await sweeps.RunAsync(rerunPlan, options with { Shard = Shard.All }, tracking, progress, cancellation).ConfigureAwait(false);
                all.AddRange(rerunOutcomes);
                ranHere.UnionWith(mine.Select(r => r.Sweep.Identity));
                continue;
            }

            if (waiting == 0 || !othersAlive)
            {
                break;
            }

            say($"waiting: {waiting} studies have tuning trials still running on other shards");
            try
            {
                await Task.Delay(WaitInterval, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new BenchmarkRunResult(all, skipped, reruns.ToArray(), waiting);
    }

    private static HashSet<string> FinalIdentities(IEnumerable<Run> runs) =>
        runs.Where(r => r.Tag(RunKeys.Tags.Kind) == RunKeys.Tags.TrialKind && r.Info.Status is RunStatus.Finished or RunStatus.Failed)
            .Select(r => r.Tag(RunKeys.Tags.TrialHash))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, RunCurve> Local(BenchmarkPlan plan, IEnumerable<SweepTrialOutcome> outcomes)
    {
        var byIdentity = plan.Tuning.GroupBy(t => t.Sweep.Identity).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return outcomes
            .Where(o => byIdentity.ContainsKey(o.Trial.Identity))
            .GroupBy(o => o.Trial.Identity)
            .ToDictionary(g => g.Key, g => RunCurves.FromResult(byIdentity[g.Key], g.Last().Result), StringComparer.Ordinal);
    }
}
