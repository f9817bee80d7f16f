using Descent.Tracking.Recording;
using Descent.Tracking.Rest;

namespace Descent.Tracking;

/// <summary>
/// Where and how a process tracks, resolved as MLflow resolves it: the tracking URI from the option,
/// else <c>MLFLOW_TRACKING_URI</c>, else <c>./mlruns</c>; the experiment from the option, else
/// <c>MLFLOW_EXPERIMENT_NAME</c>, else <see cref="DefaultExperiment"/>; credentials, retries and timeouts
/// from MLflow's variables (MLFLOW.md section 4); the spool from <c>DESCENT_TRACKING_SPOOL</c>, else
/// <c>./mlruns-spool</c>.
/// </summary>
/// <param name="Uri">The tracking URI.</param>
/// <param name="ExperimentName">The experiment runs go into (created when missing).</param>
/// <param name="SpoolDirectory">The local FileStore that keeps a server's records while it cannot be reached (absolute).</param>
/// <param name="Credentials">Authentication for a server.</param>
/// <param name="Retry">Retries and timeouts for a server.</param>
/// <param name="Recorder">Queueing and batching.</param>
/// <param name="SourceName">The <c>mlflow.source.name</c> tag: what made the runs.</param>
public sealed record TrackingSettings(
    TrackingUri Uri,
    string ExperimentName,
    string SpoolDirectory,
    MlflowCredentials Credentials,
    RetryOptions Retry,
    RecorderOptions Recorder,
    string SourceName)
{
    /// <summary>TLS to a server (<c>MLFLOW_TRACKING_INSECURE_TLS</c>, <c>_SERVER_CERT_PATH</c>, <c>_CLIENT_CERT_PATH</c>).</summary>
    public TlsSettings Tls { get; init; } = TlsSettings.Default;

    /// <summary>The experiment used when none is named.</summary>
    public const string DefaultExperiment = "descent";

    /// <summary>The spool directory used when <see cref="SpoolVariable"/> is not set.</summary>
    public const string DefaultSpoolDirectory = "mlruns-spool";

    /// <summary>Environment variable naming the spool directory.</summary>
    public const string SpoolVariable = "DESCENT_TRACKING_SPOOL";

    /// <summary>Resolves the settings; options win over the environment.</summary>
    /// <param name="trackingUri">The <c>--tracking-uri</c> option, if given.</param>
    /// <param name="experiment">The <c>--experiment</c> option, if given.</param>
    /// <param name="environment">Reads an environment variable; null for the process environment.</param>
    /// <param name="sourceName">The <c>mlflow.source.name</c> tag.</param>
    /// <exception cref="ArgumentException">A value is unusable; the message names it (never a secret) and says what to give.</exception>
    public static TrackingSettings Resolve(string? trackingUri, string? experiment, Func<string, string?>? environment = null, string sourceName = "descent")
    {
        environment ??= Environment.GetEnvironmentVariable;
        var uri = TrackingUri.Parse(NonEmpty(trackingUri) ?? NonEmpty(environment("MLFLOW_TRACKING_URI")));
        string name = NonEmpty(experiment) ?? NonEmpty(environment("MLFLOW_EXPERIMENT_NAME")) ?? DefaultExperiment;
        if (name.Trim().Length == 0 || name.Length > MlflowLimits.ExperimentNameLength)
        {
            throw new ArgumentException($"invalid experiment name '{name}'; give 1 to {MlflowLimits.ExperimentNameLength} characters");
        }

        return new TrackingSettings(
            uri,
            name,
            Path.GetFullPath(NonEmpty(environment(SpoolVariable)) ?? DefaultSpoolDirectory),
            uri.IsServer ? MlflowCredentials.Resolve(environment, uri.UserInfo) : MlflowCredentials.None,
            RetryOptions.FromEnvironment(environment),
            RecorderOptions.Default,
            sourceName)
        {
            Tls = uri.IsServer ? TlsSettings.FromEnvironment(environment) : TlsSettings.Default,
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
