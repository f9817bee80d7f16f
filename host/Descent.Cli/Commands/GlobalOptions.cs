using System.CommandLine;

namespace Descent.Cli.Commands;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    /// <summary><c>--plugins DIR</c>, repeatable: extra plugin directories, plugin folders or plugin .dll files.</summary>
    public static Option<string[]> Plugins { get; } = new("--plugins")
    {
        Description = "extra plugin directory, plugin folder or plugin .dll (repeatable; also DESCENT_PLUGIN_PATH)",
        Recursive = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--data-dir DIR</c>: looked in first for data files (then DESCENT_DATA_DIR, then the repository's data/).</summary>
    public static Option<string> DataDir { get; } = new("--data-dir")
    {
        Description = "directory searched first for data files (then DESCENT_DATA_DIR, then the repository's data/)",
        Recursive = true,
    };

    /// <summary><c>--offline</c>: never download data (also DESCENT_OFFLINE=1).</summary>
    public static Option<bool> Offline { get; } = new("--offline")
    {
        Description = "never download data files (also DESCENT_OFFLINE=1)",
        Recursive = true,
    };

    /// <summary>Adds the global options to the root command.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Plugins);
        root.Options.Add(DataDir);
        root.Options.Add(Offline);
    }
}
