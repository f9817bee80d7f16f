using System.Text;
using Descent.Runs.Trials;
using Descent.Tests.Support;
using Descent.Tests.Tracking.Fakes;
using Descent.Tests.Tracking.Support;
using Descent.Tracking;

namespace Descent.Tests.Tracking;

/// <summary>
/// With a token and a password set (and the password also written into the tracking URI), neither
/// secret, nor its Base64 form, nor the Basic header's, appears in any param, tag, artifact, spool or
/// store file, log line or console output, whatever happens: retries, an unreachable server, sync,
/// listing, a bad URI.
/// </summary>
[NonParallelizable]
public sealed class SecretsTests
{
    private const string Token = "tok-SECRET-7f3a91";
    private const string User = "alice";
    private const string Password = "pw-SECRET-c4e2b8";

    private static readonly string[] Secrets =
    [
        Token,
        Password,
        Base64(Token),
        Base64(Password),
        Base64($"{User}:{Password}"),
    ];

    [Test]
    public async Task No_secret_appears_anywhere_Descent_writes()
    {
        using var temp = new TempDirectory();
        await using var server = await FakeMlflowServer.StartNewAsync();
        server.RequiredAuthorization = "Basic " + Base64($"{User}:{Password}");
        string plain = server.Uri.AbsoluteUri.TrimEnd('/');
        string withPassword = $"http://{User}:{Password}@127.0.0.1:{server.Port}";
        using var environment = new EnvironmentScope(
            ("MLFLOW_TRACKING_TOKEN", Token),
            ("MLFLOW_TRACKING_USERNAME", User),
            ("MLFLOW_TRACKING_PASSWORD", Password),
            ("DESCENT_TRACKING_SPOOL", temp.Sub("spool")),
            ("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.01"),
            ("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", "0"),
            ("MLFLOW_TRACKING_URI", null));
        string[] trial = ["trial", "--optimizer", "sgd", "--hp", "lr=0.1", "--objective", "quadratic2d", "--steps", "30", "--dtype", "float64", "--json", "--experiment", "secrets"];
        var console = new List<CliRun>();

        // Tracked through retries, with the password in the URI as well as in the environment.
        server.Inject("runs/log-batch", new FakeFault.Fail(503), times: 2);
        console.Add(CliRun.Of([.. trial, "--tracking-uri", withPassword]));
        // The server gone: a warning names it, the run goes to the spool.
        await server.StopAsync();
        console.Add(CliRun.Of([.. trial, "--tracking-uri", withPassword]));
        console.Add(CliRun.Of("runs", "--tracking-uri", withPassword, "--experiment", "secrets")); // unreachable: exit 1
        await server.StartAsync();
        console.Add(CliRun.Of("sync", "--to", withPassword, "--json"));
        console.Add(CliRun.Of("runs", "--tracking-uri", withPassword, "--experiment", "secrets", "--json"));
        console.Add(CliRun.Of([.. trial, "--tracking-uri", $"ftp://{User}:{Password}@example.org/x"]));

        // The library's own log lines, retries included.
        var logger = new CapturingLogger();
        server.Inject("runs/log-batch", new FakeFault.Fail(429, "REQUEST_LIMIT_EXCEEDED", RetryAfterSeconds: 0));
        using (var session = TrackingSession.Open(TrackingSettings.Resolve(withPassword, "secrets"), logger))
        {
            var resolved = TrackedTrials.Quadratic(steps: 10);
            var tracker = session.StartTrial(resolved);
            await tracker.FinishAsync(TrackedTrials.Run(resolved, tracker));
        }

        Assert.That(console.Select(c => c.ExitCode), Is.EqualTo(new[] { 0, 0, 1, 0, 0, 2 }), string.Join("\n", console.Select(c => c.Error)));
        Assert.That(console[1].Error, Does.Contain($"tracking server {plain} is unreachable"), "the warning names the server, without credentials");
        Assert.That(server.Backend.Runs, Has.Count.EqualTo(3), "the server took the credentials: every run reached it");
        Assert.That(logger.Lines, Has.Some.Contains("HTTP 429"));

        var places = new List<(string Where, byte[] Bytes)>();
        places.AddRange(console.SelectMany((c, i) => new[] { ($"command {i} output", Utf8(c.Out)), ($"command {i} error output", Utf8(c.Error)) }));
        places.AddRange(logger.Lines.Select((line, i) => ($"log line {i}", Utf8(line))));
        foreach (var run in server.Backend.Runs)
        {
            places.AddRange(run.Params.Select(p => ($"param {p.Key}", Utf8(p.Key + "=" + p.Value))));
            places.AddRange(run.Tags.Select(t => ($"tag {t.Key}", Utf8(t.Key + "=" + t.Value))));
            places.AddRange(run.Artifacts.Select(a => ($"artifact {a.Key}", a.Value)));
        }

        foreach (string file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories))
        {
            places.Add((file, File.ReadAllBytes(file)));
        }

        Assert.That(places.Count(p => p.Where.StartsWith(temp.Sub("spool"), StringComparison.Ordinal)), Is.GreaterThan(10), "the spool was written and is searched");
        var leaks = places.SelectMany(p => Secrets.Where(s => Contains(p.Bytes, Utf8(s))).Select(s => $"{p.Where} holds '{s}'")).ToArray();
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public void Credentials_describe_themselves_without_the_secret()
    {
        var environment = new Dictionary<string, string> { ["MLFLOW_TRACKING_TOKEN"] = Token };
        var credentials = Descent.Tracking.Rest.MlflowCredentials.Resolve(n => environment.GetValueOrDefault(n), credentialsFile: "/nonexistent");

        Assert.That(credentials.ToString(), Is.EqualTo("bearer token"));
        Assert.That(TrackingUri.Parse($"https://{User}:{Password}@mlflow.example.org/prefix?token={Token}").Display, Is.EqualTo("https://mlflow.example.org/prefix"));
        Assert.That(TrackingUri.Scrub($"failed: https://{User}:{Password}@mlflow.example.org/x?token={Token} (retry)"), Is.EqualTo("failed: https://mlflow.example.org/x (retry)"));
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
