using Descent.Engine.Trials;
using Descent.Sweeps.Expansion;

namespace Descent.Sweeps.Running;

/// <summary>Follows a sweep: how many trials, which are running, how each ended. Called from worker threads.</summary>
public interface ISweepProgress
{
    /// <summary>The trials this process will run, and how many of its shard were skipped as already finished.</summary>
    void OnPlanned(int toRun, int skipped);

    /// <summary>A trial started.</summary>
    void OnTrialStarted(SweepTrial trial);

    /// <summary>A trial ended (however it ended).</summary>
    void OnTrialCompleted(SweepTrial trial, TrialResult result);
}
