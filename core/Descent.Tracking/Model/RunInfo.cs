namespace Descent.Tracking.Model;

/// <summary>An MLflow run's metadata (what a FileStore keeps in the run's <c>meta.yaml</c>).</summary>
/// <param name="RunId">32 lower-case hex characters.</param>
/// <param name="ExperimentId">The experiment it belongs to.</param>
/// <param name="RunName">The display name (also the <c>mlflow.runName</c> tag).</param>
/// <param name="UserId">Who ran it.</param>
/// <param name="Status">Its status.</param>
/// <param name="StartTime">Milliseconds since the Unix epoch.</param>
/// <param name="EndTime">Milliseconds since the Unix epoch; null while running.</param>
/// <param name="ArtifactUri">Where its artifacts live: <c>file:///...</c> or <c>mlflow-artifacts:/...</c>.</param>
/// <param name="LifecycleStage"><see cref="Model.LifecycleStage.Active"/> or <see cref="Model.LifecycleStage.Deleted"/>.</param>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    string UserId,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    string LifecycleStage);
