using System.CommandLine;
using Descent.Cli.Output;
using Descent.Engine.Trials;
using Descent.Runs;
using Descent.Runs.Trials;
using Descent.Tracking;
using Descent.Tracking.Recording;

namespace Descent.Cli.Tracking;

/// <summary>
/// <c>descent trial</c>'s tracking, on unless <c>--no-track</c>: opens the store the options and
/// environment name (a bad URI is a usage error before anything runs), follows the trial, then writes
/// the trial's files (result.json, history.csv, pictures), attaches them, ends the run and adds its
/// ids to the report. A server that cannot be reached costs one warning line naming it and the spool,
/// never the trial.
/// </summary>
internal sealed class TrialTracking : IDisposable
{
    private readonly CliConsole console;
    private readonly TrackingSession? session;
    private TrialTracker? tracker;
    private bool finished;

    private TrialTracking(CliConsole console, TrackingSession? session)
    {
        this.console = console;
        this.session = session;
    }

    /// <summary>The files written for the run (in <c>--out</c>'s directory when given), or null.</summary>
    public IReadOnlyList<string>? WrittenFiles { get; private set; }

    /// <summary>Options to add to a command.</summary>
    public static IEnumerable<Option> Options => [TrackingOptions.TrackingUri, TrackingOptions.Experiment, TrackingOptions.NoTrack];

    /// <summary>Tracking as the command line asks for it.</summary>
    /// <exception cref="UsageException">The tracking URI or experiment name is unusable.</exception>
    public static TrialTracking Open(CliConsole console, ParseResult parsed)
    {
        if (parsed.GetValue(TrackingOptions.NoTrack))
        {
            return new TrialTracking(console, null);
        }

        var settings = TrackingSettingsReader.Read(parsed);
        var session = TrackingSession.Open(settings, new ConsoleTrackingLogger(console));
        session.Prepare();
        PictureWarmup.Start();
        return new TrialTracking(console, session);
    }

    /// <summary>The observer to run the trial with (null when tracking is off).</summary>
    public ITrialObserver? Start(ResolvedTrial trial)
    {
        tracker = session?.StartTrial(trial);
        return tracker;
    }

    /// <summary>Attaches the trial's files and ends the run; the report gains the run's ids.</summary>
    public TrialReport Finish(ResolvedTrial trial, TrialResult result, TrialReport report, IServiceProvider services, string? outDirectory, string? workerOutput = null)
    {
        if (tracker is null)
        {
            return report;
        }

        string directory = outDirectory ?? Path.Combine(Path.GetTempPath(), $"descent-trial-{Guid.NewGuid():N}");
        try
        {
            WrittenFiles = WriteFiles(directory, trial, result, services, workerOutput);
            var outcome = tracker.FinishAsync(result, directory).GetAwaiter().GetResult();
            finished = true;
            WrittenFiles = [.. WrittenFiles, Path.Combine(directory, RunKeys.Artifacts.Configuration)];
            Report(outcome);
            return outcome.RunId.Length == 0 ? report : report with { RunId = outcome.RunId, ExperimentId = outcome.ExperimentId };
        }
        finally
        {
            if (outDirectory is null)
            {
                WrittenFiles = null;
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>The trial's files (<see cref="TrialFiles.Write"/>), and the worker's standard error when its worker was lost.</summary>
    public static IReadOnlyList<string> WriteFiles(string directory, ResolvedTrial trial, TrialResult result, IServiceProvider services, string? workerOutput)
    {
        var files = TrialFiles.Write(directory, trial, result, services, lossPicture: true);
        if (workerOutput is null)
        {
            return files;
        }

        string stderr = Path.Combine(directory, RunKeys.Artifacts.WorkerStderr);
        File.WriteAllText(stderr, workerOutput);
        return [.. files, stderr];
    }

    /// <summary>Ends a run the command did not finish (it failed before or after the trial) as failed, then closes the store.</summary>
    public void Dispose()
    {
        if (tracker is not null && !finished)
        {
            tracker.FailAsync("the command stopped before the run was finished; it printed why", TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        }

        session?.Dispose();
    }

    private void Report(RunOutcome outcome)
    {
        if (outcome.RunId.Length == 0)
        {
            console.Warn($"the trial was not recorded ({outcome.LostRecords} records lost)");
        }
        else if (outcome.Spooled)
        {
            console.Error.WriteLine($"tracked: run {outcome.RunId} in experiment '{session!.ExperimentName}', kept in the spool {outcome.SpoolRoot} until 'descent sync'");
        }
        else
        {
            console.Error.WriteLine($"tracked: run {outcome.RunId} in experiment '{session!.ExperimentName}' at {outcome.Location}");
        }
    }
}
