namespace Descent.Tracking.Sync;

/// <summary>What a sync did, run by run.</summary>
public sealed record SyncReport(IReadOnlyList<SyncedRun> Runs)
{
    /// <summary>Runs created on the target.</summary>
    public int Created => Runs.Count(r => r.Action == SyncAction.Created);

    /// <summary>Runs completed on the target.</summary>
    public int Updated => Runs.Count(r => r.Action == SyncAction.Updated);

    /// <summary>Runs the target already had in full.</summary>
    public int Unchanged => Runs.Count(r => r.Action == SyncAction.Unchanged);

    /// <summary>Runs that could not be synced.</summary>
    public int Failed => Runs.Count(r => r.Action == SyncAction.Failed);
}
