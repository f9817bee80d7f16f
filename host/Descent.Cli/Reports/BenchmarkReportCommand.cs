using Descent.Benchmarks.Expansion;
using Descent.Benchmarks.Files;
using Descent.Benchmarks.Reading;
using Descent.Benchmarks.Reporting;
using Descent.Cli.Hosting;
using Descent.Cli.Output;
using Descent.Cli.Tracking;
using Descent.Tracking;
using Descent.Tracking.Stores;
using System.CommandLine;

namespace Descent.Cli.Reports;

/// <summary><c>descent report BENCHMARK-FILE</c>: the benchmark's report from the runs in the store (every shard), complete or not (missing trials are named).</summary>
internal static class BenchmarkReportCommand
{
    /// <summary>Writes the report; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(CliConsole console, ParseResult parsed, string file, string? experiment, string? directory, CancellationToken cancellation)
    {
        var benchmark = BenchmarkFileParser.Load(file);
        using var host = EngineHost.Start(console, parsed);
        var plan = BenchmarkExpander.Expand(benchmark, host.Catalog);
        string name = string.IsNullOrWhiteSpace(experiment) ? benchmark.Name : experiment;
        var settings = TrackingSettingsReader.Read(parsed.GetValue(TrackingOptions.TrackingUri), name);
        using var session = TrackingSession.Open(settings, new ConsoleTrackingLogger(console));
        BenchmarkReportFiles files;
        try
        {
            var curves = await BenchmarkRunsReader.ReadAsync(session.Store, name, plan, cancellation);
            var scores = BenchmarkScoring.Score(plan, curves);
            if (scores.MissingTrials > 0)
            {
                console.Warn($"{scores.MissingTrials} trials have no final run yet: the report leaves their studies out (run 'descent benchmark {file}' to finish them)");
            }

            files = BenchmarkReportWriter.Write(scores, directory ?? ReportOptions.DefaultDirectory(name));
        }
        catch (Exception e) when (e is TrackingException or InvalidOperationException)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the report to '{directory}': {e.Message}; choose another directory with --out");
        }

        console.Out.WriteLine($"report  {files.Html}");
        console.Out.WriteLine($"        {files.Markdown} and {files.Pictures.Count} pictures in {files.Directory}");
        return ExitCodes.Ok;
    }
}
