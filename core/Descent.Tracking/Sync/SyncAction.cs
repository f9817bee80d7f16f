namespace Descent.Tracking.Sync;

/// <summary>What sync did with one run.</summary>
public enum SyncAction
{
    /// <summary>The run did not exist on the target; it was created with everything.</summary>
    Created,

    /// <summary>The run existed; records it lacked were added.</summary>
    Updated,

    /// <summary>The target already had everything.</summary>
    Unchanged,

    /// <summary>The run could not be synced; see <see cref="SyncedRun.Problems"/>.</summary>
    Failed,
}
