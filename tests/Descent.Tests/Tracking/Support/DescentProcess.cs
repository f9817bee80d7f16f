using System.Diagnostics;

namespace Descent.Tests.Tracking.Support;

/// <summary>
/// The real <c>descent</c> host in a process of its own, from the host's own build folder (the copy next
/// to the tests lacks what the tests' ASP.NET framework reference leaves out).
/// </summary>
public static class DescentProcess
{
    /// <summary>descent.dll of the host built in the tests' configuration.</summary>
    public static string HostAssembly { get; } = Path.Combine(
        Descent.Tests.Support.Repository.Root, "host", "Descent.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "descent.dll");

    /// <summary>Whether this system's <c>env</c> can reset a signal to its default (GNU coreutils 8.31 and later).</summary>
    private static readonly Lazy<bool> ResetsInterrupt = new(() =>
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("env", ["--default-signal=INT", "true"]) { UseShellExecute = false, RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the host with extra environment variables (and none of the sharding or MLflow variables of the test process).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(ResetsInterrupt.Value ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ResetsInterrupt.Value)
        {
            // A test run started in the background of a script (`cmd &`) inherits SIGINT ignored, and so would the host:
            // the Ctrl-C tests would then interrupt nothing. env resets it to the default and execs dotnet (same process id).
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(HostAssembly);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (string variable in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "JOB_COMPLETION_INDEX", "DESCENT_SHARD_COUNT", "MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_NAME" })
        {
            info.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Waits for the process; its exit code, output and error output.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> FinishAsync(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, await output, await error);
    }
}
