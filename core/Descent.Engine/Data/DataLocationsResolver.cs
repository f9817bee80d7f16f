using Descent.Contracts;

namespace Descent.Engine.Data;

/// <summary>
/// Decides where dataset plugins look for files and where downloads go. Search order: the
/// <c>--data-dir</c> directory, then <c>DESCENT_DATA_DIR</c>, then the default directory (the
/// repository's git-ignored <c>data/</c> folder, or the per-user cache outside a checkout; see
/// <see cref="DefaultDataDirectory"/>). Downloads go to the first of these that is writable and are
/// allowed unless <c>--offline</c> is given or <c>DESCENT_OFFLINE</c> is set (to anything but
/// <c>0</c>, <c>false</c>, <c>no</c>, <c>off</c> or nothing).
/// </summary>
/// <example><code>
/// // host, once per process:
/// var data = DataLocationsResolver.Resolve(DataLocationsSources.FromEnvironment(dataDirOption, offlineFlag));
/// services.AddDescentEngine(catalog, data);
/// </code></example>
public static class DataLocationsResolver
{
    /// <summary>The environment variable naming a data directory.</summary>
    public const string DirectoryVariable = "DESCENT_DATA_DIR";

    /// <summary>The environment variable that turns downloads off.</summary>
    public const string OfflineVariable = "DESCENT_OFFLINE";

    /// <summary>The data locations for this process: <paramref name="commandLineDirectory"/> (<c>--data-dir</c>), the environment, the installation.</summary>
    public static DataLocations Resolve(string? commandLineDirectory = null, bool offline = false) =>
        Resolve(DataLocationsSources.FromEnvironment(commandLineDirectory, offline));

    /// <summary>The data locations for the given sources.</summary>
    /// <param name="sources">What the command line, the environment and the installation say.</param>
    /// <param name="canWrite">Decides whether a directory can take downloads; <see cref="DirectoryWriteProbe.CanWrite"/> unless replaced (tests).</param>
    public static DataLocations Resolve(DataLocationsSources sources, Func<string, bool>? canWrite = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        canWrite ??= DirectoryWriteProbe.CanWrite;

        var directories = new[] { sources.CommandLineDirectory, sources.EnvironmentDirectory, sources.DefaultDirectory }
            .Where(d => !string.IsNullOrWhiteSpace(d))
            .Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d!.Trim())))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        string? cache = directories.FirstOrDefault(canWrite);
        bool allowDownload = !sources.Offline && !IsSet(sources.EnvironmentOffline);
        return new DataLocations(directories, cache, allowDownload);
    }

    /// <summary>True when an on/off environment value means on: set, and not <c>0</c>, <c>false</c>, <c>no</c> or <c>off</c>.</summary>
    public static bool IsSet(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string text = value.Trim();
        return !(text == "0"
                 || text.Equals("false", StringComparison.OrdinalIgnoreCase)
                 || text.Equals("no", StringComparison.OrdinalIgnoreCase)
                 || text.Equals("off", StringComparison.OrdinalIgnoreCase));
    }
}
