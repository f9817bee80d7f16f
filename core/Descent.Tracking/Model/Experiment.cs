namespace Descent.Tracking.Model;

/// <summary>An MLflow experiment.</summary>
/// <param name="ExperimentId">The id, a string: <c>"0"</c> for Default, 18 digits on a FileStore, small numbers on SQL stores.</param>
/// <param name="Name">The unique name.</param>
/// <param name="ArtifactLocation">Where its runs' artifacts go (<c>file:///...</c>, <c>mlflow-artifacts:/...</c>).</param>
/// <param name="LifecycleStage"><see cref="Model.LifecycleStage.Active"/> or <see cref="Model.LifecycleStage.Deleted"/>.</param>
/// <param name="CreationTime">Milliseconds since the Unix epoch, when known.</param>
/// <param name="LastUpdateTime">Milliseconds since the Unix epoch, when known.</param>
public sealed record Experiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    string LifecycleStage,
    long? CreationTime = null,
    long? LastUpdateTime = null)
{
    /// <summary>True unless deleted.</summary>
    public bool IsActive => LifecycleStage == Model.LifecycleStage.Active;
}
