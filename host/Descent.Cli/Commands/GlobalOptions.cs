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
}
