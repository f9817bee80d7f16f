namespace Descent.Tests.Support;

/// <summary>The checkout the tests were built from.</summary>
public static class Repository
{
    /// <summary>The folder holding Framework.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Framework.sln above {AppContext.BaseDirectory}");
    }
}
