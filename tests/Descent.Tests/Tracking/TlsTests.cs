using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Descent.Tests.Tracking.Fakes;
using Descent.Tests.Tracking.Support;
using Descent.Tracking;
using Descent.Tracking.Stores;

namespace Descent.Tests.Tracking;

/// <summary>A server with a certificate of its own: refused by default, trusted when MLflow's TLS variables say so.</summary>
public sealed class TlsTests
{
    [Test]
    public async Task An_untrusted_certificate_is_refused_and_MLflows_variables_trust_it()
    {
        using var temp = new TempDirectory();
        using var certificate = SelfSigned();
        string pem = temp.Sub("server.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        await using var server = await FakeMlflowServer.StartNewAsync(certificate);
        string uri = server.Uri.AbsoluteUri;

        var refused = Assert.ThrowsAsync<TrackingUnavailableException>(() => Experiment(uri, []));
        string insecure = await Experiment(uri, new() { ["MLFLOW_TRACKING_INSECURE_TLS"] = "true" });
        string trusted = await Experiment(uri, new() { ["MLFLOW_TRACKING_SERVER_CERT_PATH"] = pem });

        Assert.That(uri, Does.StartWith("https://"));
        Assert.That(refused!.Message, Does.Contain("unreachable").And.Contain("SSL"), "refused for its certificate");
        Assert.That(insecure, Is.EqualTo(trusted), "both reached the same server");
    }

    [Test]
    public void Insecure_TLS_and_a_certificate_to_trust_exclude_each_other()
    {
        using var temp = new TempDirectory();
        string pem = temp.Sub("server.pem");
        File.WriteAllText(pem, "");
        var environment = new Dictionary<string, string> { ["MLFLOW_TRACKING_INSECURE_TLS"] = "true", ["MLFLOW_TRACKING_SERVER_CERT_PATH"] = pem };

        Assert.That(() => TrackingSettings.Resolve("https://x", null, environment.GetValueOrDefault), Throws.ArgumentException.With.Message.Contains("exclude each other"));
        Assert.That(() => TrackingSettings.Resolve("https://x", null, new Dictionary<string, string> { ["MLFLOW_TRACKING_SERVER_CERT_PATH"] = temp.Sub("missing.pem") }.GetValueOrDefault),
            Throws.ArgumentException.With.Message.Contains("names no file"));
    }

    private static async Task<string> Experiment(string uri, Dictionary<string, string> environment)
    {
        environment["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "1";
        environment["MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"] = "0.01";
        using var session = TrackingSession.Open(TrackingSettings.Resolve(uri, "tls", environment.GetValueOrDefault));
        return (await session.ExperimentAsync()).ExperimentId;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
