using System.CommandLine;
using System.Runtime.InteropServices;
using Descent.Cli.Hosting;
using Descent.Sweeps.Workers;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent worker</c> (hidden): a worker process that <c>sweep</c> and <c>trial</c> start. Loads the plugins once,
/// then runs the trials its standard input sends and streams their events on its standard output
/// (<see cref="WorkerServer"/>). It ignores SIGINT and SIGTERM: the coordinator that started it decides
/// when it stops (Ctrl-C reaches a terminal's whole process group), and it exits when its input closes.
/// </summary>
public static class TrialWorkerCommand
{
    private static readonly Option<int> ThreadsOption = new("--threads") { Description = "libtorch threads", DefaultValueFactory = _ => 1 };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("worker", "run trials for a coordinator over standard input and output (started by sweep and trial)")
        {
            ThreadsOption,
        };
        command.Hidden = true;
        command.SetAction(parsed => Execute(console, parsed));
        return command;
    }

    private static int Execute(CliConsole console, ParseResult parsed)
    {
        var protocol = ProtocolStream.Take();
        WorkerOomScore.PreferThisProcess();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => signal.Cancel = true);
        using var host = EngineHost.Start(new CliConsole(Console.Error, Console.Error), parsed, Math.Max(1, parsed.GetValue(ThreadsOption)));
        new WorkerServer(host.Catalog, host.Runner).Serve(Console.OpenStandardInput(), protocol, () =>
        {
            // The coordinator is done (or gone): leave at once, without the runtime's shutdown (most of a second with libtorch loaded).
            protocol.Flush();
            Console.Error.Flush();
            if (OperatingSystem.IsWindows())
            {
                Environment.Exit(ExitCodes.Ok);
            }

            ExitNow(ExitCodes.Ok);
        });
        return ExitCodes.Ok;
    }

    [DllImport("libc", EntryPoint = "_exit")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void ExitNow(int status);
}
