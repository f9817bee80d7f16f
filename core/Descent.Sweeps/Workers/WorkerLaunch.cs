namespace Descent.Sweeps.Workers;

/// <summary>How to start a worker process: the program and its arguments (the host's <c>descent worker</c> with the plugin and data options).</summary>
/// <param name="FileName">The program: the <c>descent</c> executable, or <c>dotnet</c>.</param>
/// <param name="Arguments">Its arguments, e.g. <c>exec descent.dll worker --threads 1 --plugins DIR</c>.</param>
public sealed record WorkerLaunch(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>How long a worker may take to load its plugins and say it is ready.</summary>
    public TimeSpan StartupLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The most resident memory a worker may reach (<c>--worker-memory</c>); null: no limit.</summary>
    public WorkerMemoryLimit? MemoryLimit { get; init; }

    /// <summary>What the workers started with this launch measured (start-up, dispatch overhead).</summary>
    public WorkerStatistics Statistics { get; } = new();
}
