namespace Descent.Tracking.Sync;

/// <summary>One run's sync.</summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="SourceRunId">The run's id in the source store.</param>
/// <param name="TargetRunId">Its id on the target (empty when it could not be created).</param>
/// <param name="Action">What was done.</param>
/// <param name="Params">Params added.</param>
/// <param name="Tags">Tags set.</param>
/// <param name="Metrics">Metric points added.</param>
/// <param name="Artifacts">Artifact files uploaded.</param>
/// <param name="Problems">What could not be synced (e.g. a param the target holds with another value).</param>
public sealed record SyncedRun(
    string Experiment,
    string SourceRunId,
    string TargetRunId,
    SyncAction Action,
    int Params,
    int Tags,
    int Metrics,
    int Artifacts,
    IReadOnlyList<string> Problems);
