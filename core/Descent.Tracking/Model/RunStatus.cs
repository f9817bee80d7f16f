namespace Descent.Tracking.Model;

/// <summary>
/// An MLflow run's status. The numbers are the ones MLflow's FileStore writes into a run's
/// <c>meta.yaml</c> (<c>mlflow/protos/service.proto</c>); the REST API sends the names.
/// </summary>
public enum RunStatus
{
    /// <summary>The run is going on.</summary>
    Running = 1,

    /// <summary>Scheduled, not started (MLflow Projects).</summary>
    Scheduled = 2,

    /// <summary>Ended normally (Descent: finished or diverged; <c>descent.status</c> says which).</summary>
    Finished = 3,

    /// <summary>Ended by an error.</summary>
    Failed = 4,

    /// <summary>Ended by the user (Ctrl-C).</summary>
    Killed = 5,
}
