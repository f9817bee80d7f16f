namespace Descent.Tracking.Model;

/// <summary>A run as a store returns it: metadata, params, tags, and the latest value of each metric.</summary>
/// <param name="Info">Metadata.</param>
/// <param name="Params">Params by key.</param>
/// <param name="Tags">Tags by key.</param>
/// <param name="LatestMetrics">Per key, the point with the highest step (then timestamp, then value), as MLflow reports it.</param>
public sealed record Run(
    RunInfo Info,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, Metric> LatestMetrics)
{
    /// <summary>The run's id.</summary>
    public string RunId => Info.RunId;

    /// <summary>The tag's value, or null.</summary>
    public string? Tag(string key) => Tags.TryGetValue(key, out string? value) ? value : null;
}
