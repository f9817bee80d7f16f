using System.CommandLine;
using System.Globalization;
using Descent.Cli.Output;
using Descent.Cli.Tracking;
using Descent.Tracking;
using Descent.Tracking.Model;
using Descent.Tracking.Stores;
using Spectre.Console;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent runs [--tracking-uri URI] [--experiment NAME] [--json]</c>: the experiment's runs, newest first,
/// from a local store or a server: status, optimizer, hyperparameters, final loss.
/// </summary>
public static class RunsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "print one JSON array" };
        var command = new Command("runs", "list the runs of an MLflow experiment: status, optimizer, hyperparameters, final loss")
        {
            TrackingOptions.TrackingUri, TrackingOptions.Experiment, json,
        };
        command.SetAction((parsed, cancellation) => Task.Run(() => ExecuteAsync(console, parsed, parsed.GetValue(json), cancellation), CancellationToken.None));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, ParseResult parsed, bool json, CancellationToken cancellation)
    {
        var settings = TrackingSettingsReader.Read(parsed);
        using var session = TrackingSession.Open(settings, new ConsoleTrackingLogger(console));
        if (await session.ProbeAsync() is { } unreachable)
        {
            console.Fail($"tracking server {settings.Uri.Display} does not answer ({unreachable}); start it, or point --tracking-uri (or MLFLOW_TRACKING_URI) at one that runs");
            return ExitCodes.Failed;
        }

        IReadOnlyList<Run> runs;
        try
        {
            var experiment = await session.Store.GetExperimentByNameAsync(settings.ExperimentName, cancellation);
            if (experiment is null)
            {
                console.Error.WriteLine($"no experiment '{settings.ExperimentName}' at {settings.Uri.Display}");
                runs = [];
            }
            else
            {
                runs = await session.Store.SearchRunsAsync(experiment.ExperimentId, RunFilter.All, cancellation);
            }
        }
        catch (TrackingException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }

        var listings = runs.Select(RunListing.From).ToArray();
        if (json)
        {
            console.Out.WriteLine(Json.Write(listings));
        }
        else if (listings.Length > 0)
        {
            WriteTable(console, settings, listings);
        }

        return ExitCodes.Ok;
    }

    private static void WriteTable(CliConsole console, TrackingSettings settings, IReadOnlyList<RunListing> listings)
    {
        console.Out.WriteLine($"experiment '{settings.ExperimentName}' at {settings.Uri.Display}: {listings.Count} runs, newest first");
        if (console.Out != Console.Out || Console.IsOutputRedirected)
        {
            console.Rich.Profile.Width = 240; // a file or a pipe: one line per run
        }

        var table = new Table { Border = TableBorder.Simple };
        table.AddColumns("run", "name", "status", "optimizer", "objective", "final loss");
        foreach (var run in listings)
        {
            string status = run.Outcome is null || run.Outcome == run.Status.ToLowerInvariant() ? run.Status.ToLowerInvariant() : run.Outcome;
            string optimizer = run.Optimizer is null ? "-" : string.Join(" ", run.Hyperparameters.Select(h => $"{h.Key}={h.Value}").Prepend(run.Optimizer));
            table.AddRow(
                Markup.Escape(run.RunId[..Math.Min(8, run.RunId.Length)]),
                Markup.Escape(run.RunName),
                Markup.Escape(status),
                Markup.Escape(optimizer),
                Markup.Escape(run.Objective is null ? "-" : run.Dataset is null ? run.Objective : $"{run.Objective}/{run.Dataset}"),
                Markup.Escape(run.FinalLoss is { } loss ? loss.ToString("G6", CultureInfo.InvariantCulture) : "-"));
        }

        console.Rich.Write(table);
        console.Out.WriteLine("(every field, full run ids and times: descent runs --json)");
    }
}
