using Descent.Tracking;
using Descent.Tracking.Rest;

namespace Descent.Tests.Tracking;

/// <summary>Where tracking goes, chosen as MLflow chooses: option, then environment, then ./mlruns.</summary>
public sealed class TrackingSettingsTests
{
    [Test]
    public void Nothing_set_means_the_local_store_in_mlruns_and_the_descent_experiment()
    {
        var settings = TrackingSettings.Resolve(null, null, _ => null);

        Assert.That(settings.Uri.IsServer, Is.False);
        Assert.That(settings.Uri.LocalPath, Is.EqualTo(Path.GetFullPath("mlruns")));
        Assert.That(settings.ExperimentName, Is.EqualTo("descent"));
        Assert.That(settings.SpoolDirectory, Is.EqualTo(Path.GetFullPath("mlruns-spool")));
        Assert.That(settings.Retry, Is.EqualTo(RetryOptions.Default));
    }

    [Test]
    public void Options_win_over_the_environment()
    {
        var environment = new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = "http://env:5000", ["MLFLOW_EXPERIMENT_NAME"] = "from-env" };

        var fromEnvironment = TrackingSettings.Resolve(null, null, environment.GetValueOrDefault);
        var fromOptions = TrackingSettings.Resolve("file:///tmp/store", "from-option", environment.GetValueOrDefault);

        Assert.That((fromEnvironment.Uri.Display, fromEnvironment.ExperimentName), Is.EqualTo(("http://env:5000", "from-env")));
        Assert.That((fromOptions.Uri.LocalPath, fromOptions.ExperimentName), Is.EqualTo(("/tmp/store", "from-option")));
    }

    [TestCase("mlruns", false)]
    [TestCase("./some/dir", false)]
    [TestCase("/abs/dir", false)]
    [TestCase("file:///abs/dir", false)]
    [TestCase("file:relative", false)]
    [TestCase("http://127.0.0.1:5000", true)]
    [TestCase("https://mlflow.example.org/prefix/", true)]
    public void A_uri_is_a_local_store_or_a_server(string uri, bool server)
    {
        Assert.That(TrackingUri.Parse(uri).IsServer, Is.EqualTo(server));
    }

    [Test]
    public void A_server_uri_keeps_its_path_prefix_and_drops_credentials()
    {
        var uri = TrackingUri.Parse("https://bob:pw@mlflow.example.org/team/");

        Assert.That(uri.ServerBase!.AbsoluteUri, Is.EqualTo("https://mlflow.example.org/team"));
        Assert.That(uri.Display, Is.EqualTo("https://mlflow.example.org/team"));
    }

    [TestCase("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "-1")]
    [TestCase("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2.5")]
    [TestCase("MLFLOW_HTTP_REQUEST_TIMEOUT", "soon")]
    public void A_bad_retry_variable_is_an_error_naming_it(string name, string value)
    {
        var environment = new Dictionary<string, string> { [name] = value };

        Assert.That(() => TrackingSettings.Resolve(null, null, environment.GetValueOrDefault),
            Throws.ArgumentException.With.Message.Contains($"{name}='{value}'"));
    }

    [Test]
    public void The_backoff_follows_MLflows_schedule()
    {
        var retry = RetryOptions.Default;

        var delays = Enumerable.Range(1, 7).Select(n => retry.Backoff(n, jitterDraw: 0).TotalSeconds);

        Assert.That(delays, Is.EqualTo(new[] { 0.0, 4, 8, 16, 32, 64, 120 }));
        Assert.That(retry.Backoff(3, jitterDraw: 1).TotalSeconds, Is.EqualTo(9), "plus up to 1 s of jitter");
    }
}
