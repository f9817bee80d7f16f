using System.CommandLine;
using Descent.Cli.Hosting;
using Descent.Cli.Output;
using Descent.Contracts;
using Spectre.Console;

namespace Descent.Cli.Commands;

/// <summary><c>descent plugins [--json]</c>: every loaded plugin with its version, source, SHA-256 and hyperparameters.</summary>
public static class PluginsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "print one JSON array" };
        var command = new Command("plugins", "list the loaded plugins: kind, id, version, source, SHA-256, hyperparameters") { json };
        command.SetAction(result =>
        {
            using var host = EngineHost.Start(console, result);
            foreach (var warning in host.Catalog.Plugins.SelectMany(Engine.Plugins.PluginChecks.Check))
            {
                console.Warn(warning.ToString());
            }

            var listings = host.Catalog.Plugins
                .OrderBy(p => p.Kind).ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(PluginListing.From)
                .ToArray();
            if (result.GetValue(json))
            {
                console.Out.WriteLine(Json.Write(listings));
            }
            else
            {
                WriteTable(console, listings);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<PluginListing> listings)
    {
        foreach (var kind in Enum.GetValues<PluginKind>())
        {
            string name = kind.ToString().ToLowerInvariant();
            var ofKind = listings.Where(l => l.Kind == name).ToArray();
            if (ofKind.Length == 0)
            {
                continue;
            }

            var table = new Table { Title = new TableTitle($"{name} plugins ({ofKind.Length})"), Border = TableBorder.Simple };
            table.AddColumns("id", "version", "hyperparameter", "default", "valid values");
            foreach (var plugin in ofKind)
            {
                var rows = plugin.Hyperparameters.Count == 0
                    ? [("-", "", "")]
                    : plugin.Hyperparameters.Select(h => (h.Name, Engine.Options.ValueFormat.Value(h.Default), h.Range)).ToArray();
                for (int i = 0; i < rows.Length; i++)
                {
                    bool first = i == 0;
                    table.AddRow(
                        Markup.Escape(first ? plugin.Id : ""),
                        Markup.Escape(first ? plugin.Version : ""),
                        Markup.Escape(rows[i].Item1),
                        Markup.Escape(rows[i].Item2),
                        Markup.Escape(rows[i].Item3));
                }
            }

            console.Rich.Write(table);
        }

        console.Out.WriteLine("(descriptions, assembly paths and SHA-256: descent plugins --json)");
    }
}
