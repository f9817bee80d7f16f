using System.CommandLine;
using Descent.Cli.Output;
using Descent.Cli.Tracking;
using Descent.Tracking;
using Descent.Tracking.FileStore;
using Descent.Tracking.Stores;
using Descent.Tracking.Sync;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent sync --to URI [--from DIR] [--experiment NAME]</c>: replays the runs of a local MLflow store
/// (the spool by default) to a tracking server. Runs are matched by their <c>descent.origin</c> tag, so
/// running it twice creates nothing new.
/// </summary>
public static class SyncCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var to = new Option<string>("--to") { Description = "the tracking URI to replay into, e.g. http://host:5000", Required = true };
        var from = new Option<string>("--from") { Description = $"the local MLflow store to replay (default DESCENT_TRACKING_SPOOL, else ./{TrackingSettings.DefaultSpoolDirectory})" };
        var experiment = new Option<string>("--experiment") { Description = "only this experiment (default: every experiment with runs)" };
        var json = new Option<bool>("--json") { Description = "print what was done as one JSON object" };
        var command = new Command("sync", "replay runs from a local MLflow store (the spool) to a tracking server; twice changes nothing")
        {
            to, from, experiment, json,
        };
        command.SetAction((parsed, cancellation) => Task.Run(
            () => ExecuteAsync(console, parsed.GetValue(to)!, parsed.GetValue(from), parsed.GetValue(experiment), parsed.GetValue(json), cancellation),
            CancellationToken.None));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, string to, string? from, string? experiment, bool json, CancellationToken cancellation)
    {
        var target = TrackingSettingsReader.Read(to, experiment);
        string source = Path.GetFullPath(from ?? target.SpoolDirectory);
        if (!Directory.Exists(source))
        {
            throw new UsageException($"nothing to sync: {source} does not exist (give the local store with --from DIR)");
        }

        if (!target.Uri.IsServer && target.Uri.LocalPath == source)
        {
            throw new UsageException($"--from and --to are the same store ({source})");
        }

        using var session = TrackingSession.Open(target, new ConsoleTrackingLogger(console));
        using var store = new FileTrackingStore(source);
        SyncReport report;
        try
        {
            report = await new RunSync(store, session.Store).SyncAsync(experiment, cancellation);
        }
        catch (TrackingException e)
        {
            console.Fail($"{e.Message}; runs synced before this stay synced, run 'descent sync' again");
            return ExitCodes.Failed;
        }

        foreach (var run in report.Runs)
        {
            string counts = run.Action == SyncAction.Unchanged ? "" : $" ({run.Params} params, {run.Tags} tags, {run.Metrics} metric points, {run.Artifacts} artifacts)";
            console.Error.WriteLine($"{run.Action.ToString().ToLowerInvariant(),-9} {run.Experiment}/{run.SourceRunId} -> {run.TargetRunId}{counts}");
            foreach (string problem in run.Problems)
            {
                console.Warn($"{run.SourceRunId}: {problem}");
            }
        }

        console.Error.WriteLine($"synced {source} to {target.Uri.Display}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged");
        if (json)
        {
            console.Out.WriteLine(Json.Write(new { From = source, To = target.Uri.Display, report.Created, report.Updated, report.Unchanged, report.Runs }));
        }

        return ExitCodes.Ok;
    }
}
