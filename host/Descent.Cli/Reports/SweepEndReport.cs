using System.CommandLine;
using Descent.Cli.Hosting;
using Descent.Reports;
using Descent.Reports.Reading;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Tracking;
using Descent.Tracking;
using Descent.Tracking.Stores;

namespace Descent.Cli.Reports;

/// <summary>
/// The report <c>descent sweep</c> writes when it ends: only when every trial of the whole sweep (all
/// shards) has a finished run, read back from the store, so the last shard to finish writes it; two that
/// finish at once write the folder once (<see cref="ReportFolderLock"/>). A report that cannot be made is a
/// warning, never a failed sweep.
/// </summary>
internal static class SweepEndReport
{
    /// <summary>Writes the report when the sweep is complete; returns its files as artifacts for the parent run (none otherwise).</summary>
    public static async Task<IReadOnlyList<(string LocalFile, string ArtifactPath)>> WriteAsync(
        CliConsole console, ParseResult parsed, SweepTracking? tracking, TrackingSession? session, SweepPlan plan, EngineHost host, bool interrupted)
    {
        if (interrupted || parsed.GetValue(ReportOptions.NoReport) || session is null || tracking is not { Reachable: true })
        {
            return [];
        }

        try
        {
            var runs = await SweepRunsReader.ReadAsync(session.Store, ReportSource.ForPlan(plan.Outline, tracking.Experiment.Name));
            if (!runs.Complete)
            {
                console.Error.WriteLine(
                    $"report  not yet: {runs.FinishedTrials} of {runs.PlannedTrials} trials have finished runs (other shards may still be running, or trials failed); " +
                    $"make it later with: descent report {plan.File.Path}");
                return [];
            }

            string directory = parsed.GetValue(ReportOptions.ReportDirectory) ?? ReportOptions.DefaultDirectory(tracking.Experiment.Name);
            // Two last shards may find the sweep complete at once: the folder's lock lets one write it, the other finds it written.
            using var folder = ReportFolderLock.Acquire(directory);
            string stamp = ReportFolderLock.StampOf(runs);
            if (folder.Holds(stamp))
            {
                console.Error.WriteLine($"report  {Path.Combine(Path.GetFullPath(directory), SweepReportWriter.HtmlFile)} (already written from these runs by another process)");
                return [];
            }

            var files = SweepReportWriter.Write(runs, directory, new ReportEngine(host.Catalog, host.Services), DateTimeOffset.UtcNow);
            folder.Record(stamp);
            console.Error.WriteLine($"report  {files.Html} ({files.Pictures.Count} pictures; also {ReportFiles.ArtifactFolder}/ of the parent run)");
            return files.Artifacts();
        }
        catch (Exception e) when (e is ReportException or TrackingException or IOException or UnauthorizedAccessException)
        {
            console.Warn($"no report: {e.Message}");
            return [];
        }
    }
}
