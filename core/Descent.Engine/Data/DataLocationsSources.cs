namespace Descent.Engine.Data;

/// <summary>
/// The raw inputs <see cref="DataLocationsResolver"/> turns into a <see cref="Contracts.DataLocations"/>:
/// what the command line, the environment and the installation say. Kept apart from the resolver so
/// tests can give every input without touching the process environment.
/// </summary>
/// <param name="CommandLineDirectory">The <c>--data-dir</c> value, or null when not given.</param>
/// <param name="EnvironmentDirectory">The value of <c>DESCENT_DATA_DIR</c>, or null when unset.</param>
/// <param name="DefaultDirectory">The repository's <c>data/</c> folder, or the per-user cache outside a checkout (see <see cref="DefaultDataDirectory"/>).</param>
/// <param name="Offline">True when <c>--offline</c> was given.</param>
/// <param name="EnvironmentOffline">The value of <c>DESCENT_OFFLINE</c>, or null when unset.</param>
public sealed record DataLocationsSources(
    string? CommandLineDirectory,
    string? EnvironmentDirectory,
    string DefaultDirectory,
    bool Offline = false,
    string? EnvironmentOffline = null)
{
    /// <summary>The sources as this process sees them: the given command-line values plus the environment and the installation.</summary>
    /// <param name="commandLineDirectory">The <c>--data-dir</c> value, or null.</param>
    /// <param name="offline">True when <c>--offline</c> was given.</param>
    public static DataLocationsSources FromEnvironment(string? commandLineDirectory, bool offline = false) => new(
        commandLineDirectory,
        Environment.GetEnvironmentVariable(DataLocationsResolver.DirectoryVariable),
        DefaultDataDirectory.For(
            AppContext.BaseDirectory,
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
        offline,
        Environment.GetEnvironmentVariable(DataLocationsResolver.OfflineVariable));
}
