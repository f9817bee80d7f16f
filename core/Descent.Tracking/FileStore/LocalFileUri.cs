namespace Descent.Tracking.FileStore;

/// <summary>Converts between local paths and <c>file:///</c> URIs the way MLflow does (<c>pathlib.Path.as_uri()</c>).</summary>
public static class LocalFileUri
{
    /// <summary><c>file:///abs/path</c>, percent-encoded.</summary>
    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The local path of a <c>file:</c> URI, or null when <paramref name="uri"/> is not one.</summary>
    public static string? ToPath(string uri)
    {
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
        {
            return parsed.LocalPath;
        }

        // file:relative/path
        return Uri.UnescapeDataString(uri["file:".Length..]);
    }
}
