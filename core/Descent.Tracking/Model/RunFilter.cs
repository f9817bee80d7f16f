namespace Descent.Tracking.Model;

/// <summary>
/// Which runs a search returns: tags equal to given values, all of them (MLflow's filter language has
/// only <c>AND</c>). A REST store sends it as <c>tags.`key` = 'value' AND ...</c>; a FileStore applies it itself.
/// </summary>
public sealed record RunFilter(IReadOnlyList<RunTag> TagEquals)
{
    /// <summary>Every run.</summary>
    public static RunFilter All { get; } = new([]);

    /// <summary>Runs whose tag <paramref name="key"/> is <paramref name="value"/>.</summary>
    public static RunFilter Tag(string key, string value) => new([new RunTag(key, value)]);

    /// <summary>True when <paramref name="tags"/> satisfy the filter.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> tags) =>
        Matches(key => tags.TryGetValue(key, out string? value) ? value : null);

    /// <summary>True when the tags that <paramref name="tag"/> looks up (null: no such tag) satisfy the filter.</summary>
    public bool Matches(Func<string, string?> tag) => TagEquals.All(t => tag(t.Key) == t.Value);

    /// <summary>The filter in MLflow's search syntax; empty for <see cref="All"/>.</summary>
    public string ToMlflowFilter() =>
        string.Join(" AND ", TagEquals.Select(t => $"tags.`{t.Key}` = '{t.Value.Replace("'", "\\'", StringComparison.Ordinal)}'"));
}
