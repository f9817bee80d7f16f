using Descent.Runs;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Model;

namespace Descent.Tests.Sweeps;

/// <summary>What a local store holds for an experiment: its runs, by kind.</summary>
public static class SweepStore
{
    public static IReadOnlyList<Run> Runs(string storePath, string experiment)
    {
        using var store = new FileTrackingStore(storePath);
        var found = store.GetExperimentByNameAsync(experiment).GetAwaiter().GetResult();
        return found is null ? [] : store.SearchRunsAsync(found.ExperimentId, RunFilter.All).GetAwaiter().GetResult();
    }

    public static IReadOnlyList<Run> Trials(string storePath, string experiment) =>
        Runs(storePath, experiment).Where(r => r.Tag("descent.run_kind") == "trial").ToArray();

    /// <summary>How many FINISHED runs each trial identity has.</summary>
    public static Dictionary<string, int> FinishedPerIdentity(string storePath, string experiment) =>
        Trials(storePath, experiment).Where(r => r.Info.Status == RunStatus.Finished)
            .GroupBy(r => r.Tag(RunKeys.Tags.TrialHash)!)
            .ToDictionary(g => g.Key, g => g.Count());
}
