using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Descent.Tracking.Rest;

/// <summary>
/// TLS to a tracking server, from MLflow's variables (MLFLOW.md section 4): <c>MLFLOW_TRACKING_INSECURE_TLS=true</c>
/// skips certificate checks; <c>MLFLOW_TRACKING_SERVER_CERT_PATH</c> names a PEM certificate (a private CA or
/// the server's own) to trust; <c>MLFLOW_TRACKING_CLIENT_CERT_PATH</c> names a PEM file with a client
/// certificate and its key.
/// </summary>
/// <param name="Insecure">Accept any server certificate.</param>
/// <param name="ServerCertificatePath">A PEM certificate to trust as root, or null.</param>
/// <param name="ClientCertificatePath">A PEM client certificate with its key, or null.</param>
public sealed record TlsSettings(bool Insecure = false, string? ServerCertificatePath = null, string? ClientCertificatePath = null)
{
    /// <summary>The system's defaults.</summary>
    public static TlsSettings Default { get; } = new();

    /// <summary>The settings MLflow's variables ask for.</summary>
    /// <exception cref="ArgumentException">A variable names a file that does not exist, or insecure TLS and a certificate are both asked for.</exception>
    public static TlsSettings FromEnvironment(Func<string, string?> environment)
    {
        bool insecure = string.Equals(environment("MLFLOW_TRACKING_INSECURE_TLS"), "true", StringComparison.OrdinalIgnoreCase);
        string? server = File(environment, "MLFLOW_TRACKING_SERVER_CERT_PATH");
        string? client = File(environment, "MLFLOW_TRACKING_CLIENT_CERT_PATH");
        if (insecure && server is not null)
        {
            throw new ArgumentException("MLFLOW_TRACKING_INSECURE_TLS=true and MLFLOW_TRACKING_SERVER_CERT_PATH exclude each other; set one");
        }

        return new TlsSettings(insecure, server, client);
    }

    /// <summary>A handler that applies the settings; null when they are the defaults (the client then builds its own).</summary>
    public HttpMessageHandler? CreateHandler()
    {
        if (this == Default)
        {
            return null;
        }

        var ssl = new SslClientAuthenticationOptions();
        if (Insecure)
        {
            ssl.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        if (ServerCertificatePath is not null)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.ImportFromPemFile(ServerCertificatePath);
            ssl.CertificateChainPolicy = policy;
        }

        if (ClientCertificatePath is not null)
        {
            ssl.ClientCertificates = [X509Certificate2.CreateFromPemFile(ClientCertificatePath)];
        }

        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), SslOptions = ssl };
    }

    private static string? File(Func<string, string?> environment, string name)
    {
        string? path = environment(name);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return System.IO.File.Exists(path) ? Path.GetFullPath(path) : throw new ArgumentException($"{name}='{path}' names no file");
    }
}
