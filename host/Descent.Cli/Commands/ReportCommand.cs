using System.CommandLine;
using Descent.Benchmarks.Files;
using Descent.Cli.Hosting;
using Descent.Cli.Reports;
using Descent.Cli.Tracking;
using Descent.Reports;
using Descent.Reports.Reading;
using Descent.Sweeps.Expansion;
using Descent.Sweeps.Files;
using Descent.Tracking;
using Descent.Tracking.Stores;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent report (FILE | --experiment NAME) [--out DIR] [--tracking-uri URI]</c>: the comparison report of
/// a sweep, from the runs in the store (every shard and machine): a table per optimizer configuration,
/// loss curves, trajectory panels, final loss against learning rate; <c>index.html</c>, <c>report.md</c>, PNG files.
/// </summary>
public static class ReportCommand
{
    private static readonly Argument<string?> FileArgument = new("file")
    {
        Description = "experiment file (YAML) whose sweep to report, e.g. experiments/ch7-airfoil.yaml, or a benchmark file (benchmarks/quick.yaml)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string> ExperimentOption = new("--experiment")
    {
        Description = "MLflow experiment to read: with FILE, where its runs are (default: the file's name:); alone, report its newest complete sweep, else all its trial runs",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("report", "write the comparison report of a sweep (HTML, Markdown, PNG) from the runs in the tracking store")
        {
            FileArgument, ExperimentOption, ReportOptions.Out, TrackingOptions.TrackingUri,
        };
        command.SetAction((parsed, cancellation) => Task.Run(() => ExecuteAsync(console, parsed, cancellation), CancellationToken.None));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, ParseResult parsed, CancellationToken cancellation)
    {
        string? file = parsed.GetValue(FileArgument);
        string? experiment = parsed.GetValue(ExperimentOption);
        if (file is null && string.IsNullOrWhiteSpace(experiment))
        {
            experiment = Environment.GetEnvironmentVariable("MLFLOW_EXPERIMENT_NAME");
        }

        if (file is null && string.IsNullOrWhiteSpace(experiment))
        {
            throw new UsageException("name the sweep to report: an experiment file (descent report experiments/ch7-airfoil.yaml) or an experiment (descent report --experiment NAME)");
        }

        if (file is not null && File.Exists(file) && BenchmarkFileParser.IsBenchmark(file))
        {
            return await BenchmarkReportCommand.ExecuteAsync(console, parsed, file, experiment, parsed.GetValue(ReportOptions.Out), cancellation);
        }

        // Read the file first: a missing file or one that is not YAML is reported before plugins load or the store opens.
        var experimentFile = file is null ? null : ExperimentFileParser.Load(file);
        using var host = EngineHost.Start(console, parsed);
        var source = experimentFile is null
            ? ReportSource.ForExperiment(experiment!)
            : ReportSource.ForPlan(SweepExpander.Expand(experimentFile, host.Catalog).Outline, experiment);
        var settings = TrackingSettingsReader.Read(parsed.GetValue(TrackingOptions.TrackingUri), source.ExperimentName);
        string directory = parsed.GetValue(ReportOptions.Out) ?? ReportOptions.DefaultDirectory(source.ExperimentName);
        using var session = TrackingSession.Open(settings, new ConsoleTrackingLogger(console));
        ReportFiles files;
        try
        {
            files = await SweepReportWriter.WriteAsync(session.Store, source, directory, new ReportEngine(host.Catalog, host.Services), cancellation: cancellation);
        }
        catch (TrackingException e)
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
