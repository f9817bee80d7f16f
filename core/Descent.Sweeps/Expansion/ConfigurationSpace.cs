namespace Descent.Sweeps.Expansion;

/// <summary>
/// One optimizer entry's configurations without listing them: a grid (the product of its axes, the last axis
/// varying fastest) or random or quasi-random samples (each drawn from its index alone). <see cref="At"/> gives any one of
/// them in the order a listed expansion would have, so a sweep of millions of trials costs no memory.
/// </summary>
internal sealed class ConfigurationSpace
{
    private readonly IReadOnlyList<(string Name, IReadOnlyList<object> Values)> axes;
    private readonly Func<long, List<KeyValuePair<string, object>>>? sample;

    private ConfigurationSpace(IReadOnlyList<(string Name, IReadOnlyList<object> Values)> axes, long count, Func<long, List<KeyValuePair<string, object>>>? sample)
    {
        this.axes = axes;
        this.sample = sample;
        Count = count;
    }

    /// <summary>An entry that yields no configuration (its values are wrong).</summary>
    public static ConfigurationSpace Empty { get; } = new([], 0, null);

    /// <summary>How many configurations.</summary>
    public long Count { get; }

    /// <summary>The grid axes (empty for random samples).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<object> Values)> Axes => axes;

    /// <summary>The product of <paramref name="axes"/>, in declaration order; saturates at <see cref="long.MaxValue"/>.</summary>
    public static ConfigurationSpace Grid(IReadOnlyList<(string Name, IReadOnlyList<object> Values)> axes)
    {
        long count = 1;
        foreach (var (_, values) in axes)
        {
            count = values.Count == 0 ? 0 : count > long.MaxValue / values.Count ? long.MaxValue : count * values.Count;
        }

        return new ConfigurationSpace(axes, count, null);
    }

    /// <summary><paramref name="samples"/> random or quasi-random configurations, the <c>k</c>-th drawn by <paramref name="draw"/>.</summary>
    public static ConfigurationSpace Random(long samples, Func<long, List<KeyValuePair<string, object>>> draw) => new([], samples, draw);

    /// <summary>Configuration <paramref name="k"/> (0 ≤ k &lt; <see cref="Count"/>).</summary>
    public List<KeyValuePair<string, object>> At(long k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Count);
        if (sample is not null)
        {
            return sample(k);
        }

        var values = new KeyValuePair<string, object>[axes.Count];
        for (int a = axes.Count - 1; a >= 0; a--)
        {
            var (name, axis) = axes[a];
            values[a] = new KeyValuePair<string, object>(name, axis[(int)(k % axis.Count)]);
            k /= axis.Count;
        }

        return [.. values];
    }

    /// <summary>
    /// Configurations that between them use every value of every axis once (each axis's values with the others
    /// at their first), for checking a grid too large to list; for random samples, the first <paramref name="samples"/>.
    /// </summary>
    public IEnumerable<List<KeyValuePair<string, object>>> Representatives(int samples)
    {
        if (Count == 0)
        {
            yield break;
        }

        if (sample is not null)
        {
            for (long k = 0; k < Math.Min(samples, Count); k++)
            {
                yield return sample(k);
            }

            yield break;
        }

        var first = axes.Select(a => new KeyValuePair<string, object>(a.Name, a.Values[0])).ToArray();
        yield return [.. first];
        for (int a = 0; a < axes.Count; a++)
        {
            for (int v = 1; v < axes[a].Values.Count; v++)
            {
                var values = first.ToArray();
                values[a] = new KeyValuePair<string, object>(axes[a].Name, axes[a].Values[v]);
                yield return [.. values];
            }
        }
    }
}
