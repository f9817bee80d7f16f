using System.CommandLine;
using Descent.Cli.Hosting;
using Descent.Contracts;
using Descent.Testing;
using Spectre.Console;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent verify PATH [--json]</c>: loads a plugin DLL or folder through the host's own loader and runs
/// the conformance kit (<see cref="PluginVerifier"/>) for each plugin in it: a table of checks with pass,
/// warning or fail and, for each problem, what to change. Exit code 0 only when every check passes.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "a plugin DLL, a plugin folder, or a folder of plugin folders" };
        var json = new Option<bool>("--json") { Description = "print the checks as one JSON object" };
        var command = new Command("verify", "run the conformance checks on a plugin (optimizer, objective, dataset or schedule) before using it in a sweep") { path, json };
        command.SetAction(result =>
        {
            string target = Path.GetFullPath(result.GetValue(path)!);
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                throw new UsageException($"'{result.GetValue(path)}' is neither a plugin DLL nor a folder; give the path of the plugin's built DLL (bin/Release/net10.0/NAME.dll) or its folder");
            }

            using var host = EngineHost.Start(console, result);
            var references = new[] { "sgd", "adam" }.Select(host.Catalog.Find).OfType<Engine.Plugins.LoadedPlugin>().Select(p => p.Instance).ToArray();
            var report = PluginVerifier.VerifyPath(target, VerifierSettings.Default with { SpeedReferences = references, Optimizers = new Engine.Composition.OptimizerFactory(host.Catalog, host.Services) }, host.Data);
            if (result.GetValue(json))
            {
                console.Out.WriteLine(Json.Write(report));
            }
            else
            {
                Write(console, report);
            }

            return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static void Write(CliConsole console, VerificationReport report)
    {
        foreach (string failure in report.LoadFailures)
        {
            console.Error.WriteLine($"descent: not loaded: {failure}");
        }

        if (report.Plugins.Count == 0 && report.LoadFailures.Count == 0)
        {
            console.Error.WriteLine($"descent: no plugin found in {report.Path}; a plugin is a DLL with a public class derived from OptimizerPlugin, ObjectivePlugin, DatasetPlugin or SchedulePlugin");
        }

        foreach (var plugin in report.Plugins)
        {
            var table = new Table { Title = new TableTitle($"{plugin.Kind.ToString().ToLowerInvariant()} '{plugin.Id}'"), Border = TableBorder.Simple };
            table.AddColumns("check", "result", "detail");
            foreach (var check in plugin.Checks)
            {
                string outcome = check.Outcome switch
                {
                    CheckOutcome.Pass => "pass",
                    CheckOutcome.Warning => "[yellow]warning[/]",
                    _ => "[red]FAIL[/]",
                };
                string detail = check.Fix is null ? check.Detail : $"{check.Detail}\nfix: {check.Fix}";
                table.AddRow(Markup.Escape(check.Check), outcome, Markup.Escape(detail));
            }

            console.Rich.Write(table);
            int failed = plugin.Checks.Count(c => c.Outcome == CheckOutcome.Fail), warned = plugin.Checks.Count(c => c.Outcome == CheckOutcome.Warning);
            console.Out.WriteLine($"{plugin.Id}: {plugin.Checks.Count - failed - warned} passed, {warned} warnings, {failed} failed");
        }
    }
}
