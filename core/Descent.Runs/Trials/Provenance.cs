using System.Reflection;
using System.Runtime.InteropServices;
using Descent.Tracking;
using Descent.Tracking.Model;

namespace Descent.Runs.Trials;

/// <summary>
/// Where and with what a run was made: user, program, git commit, Descent, TorchSharp and libtorch
/// versions, OS, CPU and .NET runtime, as tags (<c>mlflow.*</c> for what MLflow's UI shows in its own
/// columns, <c>descent.*</c> for the rest). Collected once per process.
/// </summary>
public static class Provenance
{
    private static readonly Lazy<IReadOnlyList<RunTag>> Machine = new(CollectMachine);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), IReadOnlyList<RunTag>> ByDirectory = new();

    /// <summary>The tags for a run made by <paramref name="sourceName"/> (e.g. <c>descent trial</c>) from <paramref name="workingDirectory"/>.</summary>
    /// <remarks>Collected once per source and directory in a process (the git commit is read from the checkout's files).</remarks>
    public static IReadOnlyList<RunTag> Tags(string sourceName, string workingDirectory) =>
        ByDirectory.GetOrAdd((sourceName, workingDirectory), key => Collect(key.Item1, key.Item2));

    private static IReadOnlyList<RunTag> Collect(string sourceName, string workingDirectory)
    {
        var tags = new List<RunTag>
        {
            new(MlflowTags.SourceName, sourceName),
            new(MlflowTags.SourceType, "LOCAL"),
            new(MlflowTags.User, Environment.UserName),
        };
        if (GitCheckout.Commit(workingDirectory) is { } commit)
        {
            tags.Add(new RunTag(MlflowTags.GitCommit, commit));
        }

        tags.AddRange(Machine.Value);
        return tags;
    }

    /// <summary>TorchSharp's version (its assembly's informational version, without build metadata).</summary>
    public static string TorchSharpVersion() =>
        typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>libtorch's version as the loaded native library reports it, or <c>unknown</c>.</summary>
    public static string LibTorchVersion()
    {
        try
        {
            return TorchSharp.torch.__version__;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or NotSupportedException)
        {
            return "unknown";
        }
    }

    private static IReadOnlyList<RunTag> CollectMachine() =>
    [
        new(RunKeys.Tags.Version, DescentVersion()),
        new(RunKeys.Tags.TorchSharpVersion, TorchSharpVersion()),
        new(RunKeys.Tags.LibTorchVersion, LibTorchVersion()),
        new(RunKeys.Tags.Os, RuntimeInformation.OSDescription),
        new(RunKeys.Tags.Cpu, $"{CpuModel()} ({Environment.ProcessorCount} logical)"),
        new(RunKeys.Tags.Runtime, RuntimeInformation.FrameworkDescription),
    ];

    private static string DescentVersion() =>
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is int colon and > 0)
                    {
                        return line[(colon + 1)..].Trim();
                    }
                }
            }
        }
        catch (IOException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
    }
}
