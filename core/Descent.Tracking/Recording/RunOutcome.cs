namespace Descent.Tracking.Recording;

/// <summary>Where a finished run's records ended up.</summary>
/// <param name="RunId">The run's id in the tracking store; when the store was never reached, the id of the spooled run.</param>
/// <param name="ExperimentId">The experiment's id, in the same store as <see cref="RunId"/>.</param>
/// <param name="Location">That store, without credentials.</param>
/// <param name="SpoolDirectory">
/// Set when some records (or all) could not reach the tracking store and were kept in the local spool:
/// the spooled run's directory. <c>descent sync --to URI --from SPOOL</c> replays it.
/// </param>
/// <param name="SpoolRoot">The spool store's root, when something was spooled.</param>
/// <param name="LostRecords">Records that neither the store nor the spool took (disk errors); normally 0.</param>
/// <param name="Warnings">What went wrong on the way, one line each, without secrets.</param>
public sealed record RunOutcome(
    string RunId,
    string ExperimentId,
    string Location,
    string? SpoolDirectory,
    string? SpoolRoot,
    long LostRecords,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when the local spool holds records that still have to be synced.</summary>
    public bool Spooled => SpoolDirectory is not null;
}
