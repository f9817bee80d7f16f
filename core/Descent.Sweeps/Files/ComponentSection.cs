namespace Descent.Sweeps.Files;

/// <summary>An objective, dataset or schedule as an experiment file names it: id, fixed options, and for a schedule swept ones.</summary>
/// <param name="Id">Plugin id; null in an override that only changes options.</param>
/// <param name="Args">Fixed options by name, written as the command line writes them.</param>
/// <param name="Location">Where the section starts.</param>
public sealed record ComponentSection(string? Id, IReadOnlyDictionary<string, string> Args, SourceLocation Location)
{
    /// <summary>
    /// Options swept like hyperparameters (a schedule's only): a list (a grid axis) or a distribution, by name; an option
    /// is in <see cref="Args"/> or here, never both. A flat list may still be one value of an array option (the expander tells).
    /// </summary>
    public IReadOnlyDictionary<string, ValueSpace> Swept { get; init; } = new Dictionary<string, ValueSpace>();

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
        var swept = new Dictionary<string, ValueSpace>(Swept, StringComparer.Ordinal);
        foreach (var (name, value) in over.Args)
        {
            args[name] = value;
            swept.Remove(name);
        }

        foreach (var (name, space) in over.Swept)
        {
            swept[name] = space;
            args.Remove(name);
        }

        return this with { Args = args, Swept = swept, Location = over.Location };
    }
}
