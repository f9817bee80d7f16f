namespace Descent.Runs.Trials;

/// <summary>
/// The commit checked out in the git repository around a directory, read from <c>.git</c> without
/// running git: <c>HEAD</c>, a loose ref or <c>packed-refs</c>; worktrees (<c>.git</c> as a file with
/// <c>gitdir:</c>) included.
/// </summary>
public static class GitCheckout
{
    /// <summary>The 40-hex commit of the checkout containing <paramref name="directory"/>, or null when there is none.</summary>
    public static string? Commit(string directory)
    {
        try
        {
            for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
            {
                string dotGit = Path.Combine(current.FullName, ".git");
                string? gitDirectory = Directory.Exists(dotGit) ? dotGit : File.Exists(dotGit) ? LinkedGitDirectory(dotGit) : null;
                if (gitDirectory is not null)
                {
                    return Resolve(gitDirectory);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static string? LinkedGitDirectory(string dotGitFile)
    {
        string text = File.ReadAllText(dotGitFile).Trim();
        const string prefix = "gitdir:";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string path = text[prefix.Length..].Trim();
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(dotGitFile)!, path));
    }

    private static string? Resolve(string gitDirectory)
    {
        string headFile = Path.Combine(gitDirectory, "HEAD");
        if (!File.Exists(headFile))
        {
            return null;
        }

        string head = File.ReadAllText(headFile).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return IsCommit(head) ? head : null;
        }

        string reference = head["ref:".Length..].Trim();
        string commonDirectory = gitDirectory;
        string commonFile = Path.Combine(gitDirectory, "commondir");
        if (File.Exists(commonFile))
        {
            commonDirectory = Path.GetFullPath(Path.Combine(gitDirectory, File.ReadAllText(commonFile).Trim()));
        }

        foreach (string root in new[] { gitDirectory, commonDirectory }.Distinct())
        {
            string loose = Path.Combine(root, reference.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(loose) && File.ReadAllText(loose).Trim() is var sha && IsCommit(sha))
            {
                return sha;
            }
        }

        string packed = Path.Combine(commonDirectory, "packed-refs");
        if (File.Exists(packed))
        {
            foreach (string line in File.ReadLines(packed))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length == 2 && parts[1].Trim() == reference && IsCommit(parts[0]))
                {
                    return parts[0];
                }
            }
        }

        return null;
    }

    private static bool IsCommit(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}
