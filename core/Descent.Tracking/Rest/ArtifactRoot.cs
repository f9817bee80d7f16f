namespace Descent.Tracking.Rest;

/// <summary>How a run's artifacts are written, by the scheme of its <c>artifact_uri</c> (MLFLOW.md section 5).</summary>
internal enum ArtifactScheme
{
    /// <summary><c>mlflow-artifacts:</c> — upload through the tracking server's proxy.</summary>
    Proxy,

    /// <summary><c>file:</c> — copy the files (same machine only).</summary>
    File,

    /// <summary><c>s3:</c>, <c>gs:</c> and the rest: no proxy, not supported.</summary>
    Unsupported,
}

/// <summary>The scheme of a run's artifact URI and its path: for the proxy, <c>EXP/RUN/artifacts</c>; for <c>file:</c>, a local directory.</summary>
internal sealed record ArtifactRoot(ArtifactScheme Scheme, string Path)
{
    public static ArtifactRoot Of(string artifactUri)
    {
        const string proxy = "mlflow-artifacts:";
        if (artifactUri.StartsWith(proxy, StringComparison.OrdinalIgnoreCase))
        {
            string rest = artifactUri[proxy.Length..];
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                // mlflow-artifacts://host:port/EXP/RUN/artifacts: the path starts after the authority.
                int slash = rest.IndexOf('/', 2);
                rest = slash < 0 ? "" : rest[slash..];
            }

            return new ArtifactRoot(ArtifactScheme.Proxy, rest.Trim('/'));
        }

        string? local = Descent.Tracking.FileStore.LocalFileUri.ToPath(artifactUri);
        return local is not null ? new ArtifactRoot(ArtifactScheme.File, local) : new ArtifactRoot(ArtifactScheme.Unsupported, artifactUri);
    }
}
