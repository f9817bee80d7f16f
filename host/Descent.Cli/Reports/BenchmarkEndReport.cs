using System.CommandLine;
using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Reading;
using Descent.Benchmarks.Reporting;
using Descent.Benchmarks.Running;
using Descent.Cli.Output;
using Descent.Sweeps.Tracking;
using Descent.Tracking;
using Descent.Tracking.Stores;

namespace Descent.Cli.Reports;

/// <summary>
/// The report at the end of <c>descent benchmark</c>: written when every trial (tuning and reruns) has a final run,
/// from the store (every shard), or from this process's results when untracked; attached to the parent run.
/// </summary>
internal static class BenchmarkEndReport
{
    /// <summary>Writes the report when the benchmark is complete; returns the artifacts for the parent run (none otherwise).</summary>
    public static async Task<IReadOnlyList<(string LocalFile, string ArtifactPath)>> WriteAsync(
        CliConsole console, ParseResult parsed, BenchmarkPlan plan, BenchmarkRunResult result, SweepTracking? tracking, TrackingSession? session, bool interrupted)
    {
        if (interrupted || parsed.GetValue(ReportOptions.NoReport))
        {
            return [];
        }

        try
        {
            IReadOnlyDictionary<string, RunCurve> curves;
            if (tracking is { Reachable: true } && session is not null)
            {
                await tracking.RefreshAsync();
                curves = await BenchmarkRunsReader.ReadAsync(session.Store, tracking.Runs, plan);
            }
            else
            {
                var byIdentity = plan.Tuning.Concat(result.RerunTrials).GroupBy(t => t.Sweep.Identity).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                curves = result.Outcomes.Where(o => byIdentity.ContainsKey(o.Trial.Identity))
                    .GroupBy(o => o.Trial.Identity)
                    .ToDictionary(g => g.Key, g => RunCurves.FromResult(byIdentity[g.Key], g.Last().Result), StringComparer.Ordinal);
            }

            var scores = BenchmarkScoring.Score(plan, curves);
            if (scores.MissingTrials > 0)
            {
                console.Error.WriteLine($"report  not yet: {scores.MissingTrials} trials have no final run (other shards may still be running); make it later with: descent report {plan.File.Path}");
                return [];
            }

            string experiment = tracking?.Experiment.Name is { Length: > 0 } name ? name : plan.File.Name;
            string directory = parsed.GetValue(ReportOptions.ReportDirectory) ?? ReportOptions.DefaultDirectory(experiment);
            var files = BenchmarkReportWriter.Write(scores, directory);
            console.Error.WriteLine($"report  {files.Html} ({files.Pictures.Count} pictures{(tracking is null ? "" : $"; also {BenchmarkReportFiles.ArtifactFolder}/ of the parent run")})");
            return files.Artifacts();
        }
        catch (Exception e) when (e is TrackingException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            console.Warn($"no report: {e.Message}");
            return [];
        }
    }
}
