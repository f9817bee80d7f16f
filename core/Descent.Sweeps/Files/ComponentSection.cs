namespace Descent.Sweeps.Files;

/// <summary>An objective or dataset as an experiment file names it: id and fixed options.</summary>
/// <param name="Id">Plugin id; null in an override that only changes options.</param>
/// <param name="Args">Options by name, written as the command line writes them.</param>
/// <param name="Location">Where the section starts.</param>
public sealed record ComponentSection(string? Id, IReadOnlyDictionary<string, string> Args, SourceLocation Location)
{
    /// <summary>This section with <paramref name="over"/> applied: a new id replaces everything; otherwise options merge, the override winning.</summary>
    public ComponentSection Merge(ComponentSection? over)
    {
        if (over is null)
        {
            return this;
        }

        if (over.Id is not null && over.Id != Id)
        {
            return over;
        }

        var args = new Dictionary<string, string>(Args, StringComparer.Ordinal);
        foreach (var (name, value) in over.Args)
        {
            args[name] = value;
        }

        return this with { Args = args, Location = over.Location };
    }
}
