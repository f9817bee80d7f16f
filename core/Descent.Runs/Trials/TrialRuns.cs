using Descent.Engine.Trials;
using Descent.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Recording;

namespace Descent.Runs.Trials;

/// <summary>Starts the run of one trial in a <see cref="TrackingSession"/>.</summary>
/// <example>
/// <code>
/// using var tracking = TrackingSession.Open(TrackingSettings.Resolve(uri, experiment));
/// var tracker = tracking.StartTrial(trial);
/// var result = runner.Run(trial, tracker, cancellation);
/// var outcome = await tracker.FinishAsync(result, artifactsDirectory);   // outcome.RunId, outcome.Spooled
/// </code>
/// </example>
public static class TrialRuns
{
    /// <summary>
    /// Starts the run of one trial: params, tags and provenance are queued now, the history as the trial
    /// records it. Pass the tracker to <see cref="TrialRunner.Run"/>, then call <see cref="TrialTracker.FinishAsync"/>.
    /// </summary>
    /// <param name="session">The store and experiment.</param>
    /// <param name="trial">The resolved trial.</param>
    /// <param name="runName">Display name; null for <c>optimizer-objective[-dataset]-seedN</c> (sweeps: <c>trial-N</c>).</param>
    /// <param name="parent">The parent run (a sweep's), or null.</param>
    /// <param name="extraTags">More tags to create the run with (a sweep's: its id, the configuration, a parent made by another process).</param>
    public static TrialTracker StartTrial(this TrackingSession session, ResolvedTrial trial, string? runName = null, RunRecorder? parent = null, IEnumerable<RunTag>? extraTags = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(trial);
        var tags = Provenance.Tags(session.SourceName, Environment.CurrentDirectory).Concat(TrialRunLayout.Tags(trial)).Concat(extraTags ?? []).ToArray();
        var run = session.StartRun(new RunStart(runName ?? TrialRunLayout.RunName(trial), tags, parent));
        return new TrialTracker(run, trial);
    }
}
