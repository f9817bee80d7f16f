using System.CommandLine;
using Descent.Cli.Commands;
using Descent.Contracts;
using Descent.Engine.Trials;
using Descent.Reports.Reading;
using Descent.Sweeps;
using Descent.Sweeps.Files;

namespace Descent.Cli;

/// <summary>The command tree and the one place where errors become messages and exit codes.</summary>
public static class DescentCommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the command, returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("Descent: compare optimizers on objectives and datasets, reproducibly.")
        {
            PluginsCommand.Create(console),
            TrialCommand.Create(console),
            BenchCommand.Create(console),
            RunsCommand.Create(console),
            SyncCommand.Create(console),
            SweepCommand.Create(console),
            BenchmarkCommand.Create(console),
            ClusterCommands.Slurm(console),
            ClusterCommands.Kubernetes(console),
            ReportCommand.Create(console),
            VerifyCommand.Create(console),
            TrialWorkerCommand.Create(console),
        };
        GlobalOptions.AddTo(root);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                console.Fail(problem.Message);
            }

            console.Error.WriteLine("run 'descent --help' (or 'descent COMMAND --help') for usage");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // Ctrl-C: the trial ends as killed and its tracking run is flushed (up to 10 s for a server) before the process exits.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (TrialConfigurationException e)
        {
            foreach (string problem in e.Errors)
            {
                console.Fail(problem);
            }

            return ExitCodes.Usage;
        }
        catch (ExperimentFileException e)
        {
            foreach (var problem in e.Errors)
            {
                console.Fail(problem.ToString());
            }

            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is TrialSetupException or UsageException or SweepException or ReportException)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            console.Fail("interrupted");
            return ExitCodes.Interrupted;
        }
    }
}
