namespace Descent.Tracking.Model;

/// <summary>What a new run starts with.</summary>
/// <param name="ExperimentId">The experiment to create it in.</param>
/// <param name="RunName">Display name; sent both as <c>run_name</c> and as the <c>mlflow.runName</c> tag.</param>
/// <param name="StartTime">Milliseconds since the Unix epoch (MLflow shows 1970 without it).</param>
/// <param name="UserId">Who runs it (also the <c>mlflow.user</c> tag).</param>
/// <param name="Origin">
/// The value of the <c>descent.origin</c> tag: a client-chosen id that names where the run came from.
/// A store uses it to make creation idempotent (a retried create finds the run instead of making a
/// second), and sync uses it to match a local run with its copy on a server.
/// </param>
/// <param name="Tags">More tags to create the run with.</param>
/// <param name="ParentRunId">The parent run (same experiment), written as <c>mlflow.parentRunId</c>; null for a top-level run.</param>
public sealed record RunCreation(
    string ExperimentId,
    string RunName,
    long StartTime,
    string UserId,
    string Origin,
    IReadOnlyList<RunTag> Tags,
    string? ParentRunId = null)
{
    /// <summary>Every tag the run is created with: <see cref="Tags"/>, the run name, the user, the origin and the parent.</summary>
    public IReadOnlyList<RunTag> AllTags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        tags[MlflowTags.RunName] = RunName;
        tags[MlflowTags.User] = UserId;
        tags[RunOrigin.Tag] = Origin;
        if (ParentRunId is not null)
        {
            tags[MlflowTags.ParentRunId] = ParentRunId;
        }

        return tags.Select(t => new RunTag(t.Key, t.Value)).ToArray();
    }
}
