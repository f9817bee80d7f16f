namespace Descent.Tracking.FileStore;

/// <summary>Artifact paths MLflow accepts: relative, <c>/</c>-separated, no <c>..</c>, <c>#</c> or backslash (<c>mlflow/utils/uri.py</c>).</summary>
public static class ArtifactPaths
{
    /// <summary>Throws when <paramref name="path"/> is not acceptable; the message names it.</summary>
    public static void Check(string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Contains('\\') || path.Contains('#')
            || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"invalid artifact path '{path}': give a relative path with '/' separators, without '..', '#' or '\\'", nameof(path));
        }
    }
}
