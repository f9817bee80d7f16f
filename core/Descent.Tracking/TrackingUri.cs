using System.Text.RegularExpressions;

namespace Descent.Tracking;

/// <summary>
/// Where tracking goes, chosen as MLflow chooses (MLFLOW.md section 4): nothing or <c>file:</c> or a plain
/// path means a local FileStore (<c>./mlruns</c> by default); <c>http://</c> or <c>https://</c> means a
/// tracking server. Credentials written into the URI (<c>http://user:pass@host</c>) are taken out here:
/// <see cref="Display"/> and <see cref="ServerBase"/> never contain them.
/// </summary>
public sealed partial record TrackingUri
{
    /// <summary>MLflow's default local store.</summary>
    public const string DefaultLocalDirectory = "mlruns";

    private TrackingUri(string? localPath, Uri? serverBase, string? userInfo)
    {
        LocalPath = localPath;
        ServerBase = serverBase;
        UserInfo = userInfo;
    }

    /// <summary>The FileStore root (absolute), for a local store.</summary>
    public string? LocalPath { get; }

    /// <summary>The server's base URI without credentials, query or trailing slash, for a server.</summary>
    public Uri? ServerBase { get; }

    /// <summary>True for a tracking server.</summary>
    public bool IsServer => ServerBase is not null;

    /// <summary>The URI for messages and tags: a <c>file:///</c> URI, or the server URI without credentials.</summary>
    public string Display => ServerBase?.AbsoluteUri.TrimEnd('/') ?? FileStore.LocalFileUri.FromPath(LocalPath!);

    /// <summary><c>user:password</c> from the URI, percent-decoded; null when absent. Never printed.</summary>
    internal string? UserInfo { get; }

    /// <summary>The default: <c>./mlruns</c> under the current directory.</summary>
    public static TrackingUri DefaultLocal => Local(DefaultLocalDirectory);

    /// <summary>A local store at <paramref name="path"/>.</summary>
    public static TrackingUri Local(string path) => new(Path.GetFullPath(path), null, null);

    /// <summary>Parses a tracking URI; null or empty means <see cref="DefaultLocal"/>.</summary>
    /// <exception cref="ArgumentException">Not a URI Descent can track to; the message (free of credentials) says what to give instead.</exception>
    public static TrackingUri Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultLocal;
        }

        text = text.Trim();
        var scheme = SchemePattern().Match(text);
        if (!scheme.Success)
        {
            return Local(text);
        }

        switch (scheme.Groups[1].Value.ToLowerInvariant())
        {
            case "file":
                string? path = FileStore.LocalFileUri.ToPath(text);
                if (string.IsNullOrEmpty(path))
                {
                    throw new ArgumentException($"tracking URI '{Scrub(text)}' names no directory; give file:///absolute/path or a plain path");
                }

                return Local(path);
            case "http" or "https":
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
                {
                    throw new ArgumentException($"tracking URI '{Scrub(text)}' is not a valid server address; expected http(s)://host[:port][/path]");
                }

                string? userInfo = uri.UserInfo.Length > 0 ? Uri.UnescapeDataString(uri.UserInfo) : null;
                var builder = new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" };
                builder.Path = builder.Path.TrimEnd('/');
                return new TrackingUri(null, builder.Uri, userInfo);
            default:
                throw new ArgumentException(
                    $"tracking URI '{Scrub(text)}' is not supported: use a directory (or file:///path) for a local MLflow store, or http(s)://host:port for an MLflow tracking server");
        }
    }

    /// <summary>
    /// <paramref name="text"/> with credentials and queries removed from every URI in it
    /// (<c>http://user:pass@host/?token=x</c> becomes <c>http://host/</c>), for messages and logs.
    /// </summary>
    public static string Scrub(string text) =>
        QueryPattern().Replace(UserInfoPattern().Replace(text, "$1"), "$1");

    /// <inheritdoc />
    public override string ToString() => Display;

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]+):")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.-]*://)[^/\s]*@")]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.-]*://[^\s?#]*)\?[^\s#]*")]
    private static partial Regex QueryPattern();
}
