using Descent.Tracking.Model;

namespace Descent.Tracking.Recording;

/// <summary>What a new run is created with.</summary>
/// <param name="RunName">Display name (<c>mlflow.runName</c>).</param>
/// <param name="Tags">Tags to create it with (more can be set later).</param>
/// <param name="Parent">
/// The parent run (sweeps: one parent, one child per trial, MLFLOW.md section 7). The child is created
/// in the parent's experiment, tagged <c>mlflow.parentRunId</c>, and follows the parent into the spool
/// when the parent could not reach the server.
/// </param>
/// <param name="Origin">The <c>descent.origin</c> id; null for a new random one.</param>
public sealed record RunStart(string RunName, IReadOnlyList<RunTag>? Tags = null, RunRecorder? Parent = null, string? Origin = null);
