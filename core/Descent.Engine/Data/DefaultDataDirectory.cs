namespace Descent.Engine.Data;

/// <summary>
/// Where data lives when the user names no directory: the <c>data/</c> folder of the repository the
/// program runs from (git-ignored, a cache), or, outside a checkout, a per-user cache
/// (<c>$XDG_CACHE_HOME/descent/data</c>, else <c>~/.cache/descent/data</c>).
/// </summary>
public static class DefaultDataDirectory
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RepositoryMarker = "Framework.sln";

    /// <summary>The default data directory for a program whose assemblies live in <paramref name="baseDirectory"/>.</summary>
    /// <param name="baseDirectory">Where the program runs from (<see cref="AppContext.BaseDirectory"/>).</param>
    /// <param name="xdgCacheHome">The value of <c>XDG_CACHE_HOME</c>, or null.</param>
    /// <param name="home">The user's home directory, or null/empty when unknown.</param>
    public static string For(string baseDirectory, string? xdgCacheHome, string? home)
    {
        string? root = FindRepositoryRoot(baseDirectory);
        if (root is not null)
        {
            return Path.Combine(root, "data");
        }

        // XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
        if (!string.IsNullOrWhiteSpace(xdgCacheHome) && Path.IsPathFullyQualified(xdgCacheHome))
        {
            return Path.Combine(xdgCacheHome, "descent", "data");
        }

        string userHome = string.IsNullOrWhiteSpace(home) ? Path.GetTempPath() : home;
        return Path.Combine(userHome, ".cache", "descent", "data");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="RepositoryMarker"/>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
