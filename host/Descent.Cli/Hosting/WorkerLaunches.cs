using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Descent.Cli.Commands;
using Descent.Sweeps.Workers;

namespace Descent.Cli.Hosting;

/// <summary>
/// How this host starts its workers: the same program (the <c>descent</c> executable, or <c>dotnet exec descent.dll</c>
/// when it runs through <c>dotnet</c> or inside another host such as a test runner) with the hidden
/// <c>worker</c> command, the plugin and data options of this command line, and the thread count.
/// </summary>
internal static class WorkerLaunches
{
    /// <summary>
    /// The <c>descent.dll</c> workers run; default this assembly. Tests that run the command line inside their
    /// own process point it at the host's build folder (the copy beside the tests lacks framework assemblies).
    /// </summary>
    internal static string EntryAssembly { get; set; } = typeof(WorkerLaunches).Assembly.Location;

    /// <summary>The launch for this command line.</summary>
    public static WorkerLaunch For(ParseResult parsed, int threads)
    {
        var arguments = new List<string> { "worker", "--threads", threads.ToString(CultureInfo.InvariantCulture) };
        foreach (string directory in parsed.GetValue(GlobalOptions.Plugins) ?? [])
        {
            arguments.AddRange(["--plugins", Path.GetFullPath(directory)]);
        }

        if (parsed.GetValue(GlobalOptions.DataDir) is { } data)
        {
            arguments.AddRange(["--data-dir", Path.GetFullPath(data)]);
        }

        if (parsed.GetValue(GlobalOptions.Offline))
        {
            arguments.Add("--offline");
        }

        return Self(arguments) with { MemoryLimit = WorkerOptions.MemoryLimit(parsed) };
    }

    /// <summary>This host (the <c>descent</c> executable, or <c>dotnet exec descent.dll</c>) with <paramref name="arguments"/>.</summary>
    public static WorkerLaunch Self(IReadOnlyList<string> arguments)
    {
        string entry = EntryAssembly;
        string? process = Environment.ProcessPath;
        string appHost = Path.ChangeExtension(entry, OperatingSystem.IsWindows() ? ".exe" : null);
        if (process is not null && Path.GetFullPath(process) == Path.GetFullPath(appHost))
        {
            return new WorkerLaunch(process, arguments);
        }

        return new WorkerLaunch(DotnetHost(process), ["exec", entry, .. arguments]);
    }

    private static string DotnetHost(string? process)
    {
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return process;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ holds the runtime; <root>/dotnet is the host.
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string dotnet = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(dotnet) ? dotnet : "dotnet";
    }
}
