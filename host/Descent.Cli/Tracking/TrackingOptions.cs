using System.CommandLine;

namespace Descent.Cli.Tracking;

/// <summary>The tracking options of <c>descent trial</c>, <c>descent runs</c> and <c>descent sync</c>.</summary>
public static class TrackingOptions
{
    /// <summary><c>--tracking-uri URI</c>: a directory or <c>file:</c> URI (local MLflow store), or <c>http(s)://</c> (tracking server).</summary>
    public static Option<string> TrackingUri { get; } = new("--tracking-uri")
    {
        Description = "MLflow tracking URI: a directory or file:///path (local store), or http(s)://host:port (server); default MLFLOW_TRACKING_URI, else ./mlruns",
    };

    /// <summary><c>--experiment NAME</c>.</summary>
    public static Option<string> Experiment { get; } = new("--experiment")
    {
        Description = $"MLflow experiment name, created when missing (default MLFLOW_EXPERIMENT_NAME, else '{Descent.Tracking.TrackingSettings.DefaultExperiment}')",
    };

    /// <summary><c>--no-track</c>.</summary>
    public static Option<bool> NoTrack { get; } = new("--no-track")
    {
        Description = "do not record the trial in MLflow",
    };
}
