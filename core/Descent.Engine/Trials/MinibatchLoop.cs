namespace Descent.Engine.Trials;

/// <summary>The loop for data objectives: epochs of shuffled minibatches.</summary>
public static class MinibatchLoop
{
    /// <summary>Runs the configured epochs.</summary>
    public static TrialResult Run(TrainingRun run) =>
        throw new Descent.Contracts.TrialSetupException($"objective '{run.Trial.Objective.Id}' trains on data, which this version of the engine cannot do yet");
}
