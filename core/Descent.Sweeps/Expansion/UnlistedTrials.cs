using System.Collections;
using Descent.Engine.Plugins;
using Descent.Engine.Trials;
using Descent.Sweeps.Files;

namespace Descent.Sweeps.Expansion;

/// <summary>
/// The trials of a sweep too large to list (<see cref="SweepExpander.ListedLimit"/>): each is made from its index
/// when read, in the order a listed expansion has (objective, entry, configuration, seed), so memory stays flat
/// however many there are.
/// </summary>
internal sealed class UnlistedTrials(ExperimentFile file, PluginCatalog catalog, IReadOnlyList<ConfigurationSpace> spaces, int count) : IReadOnlyList<SweepTrial>
{
    /// <inheritdoc />
    public int Count => count;

    /// <inheritdoc />
    public SweepTrial this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            long rest = index;
            int seeds = file.Seeds.Count;
            foreach (var objective in file.Objectives)
            {
                for (int e = 0; e < file.Optimizers.Count; e++)
                {
                    long block = spaces[e].Count * seeds;
                    if (rest >= block)
                    {
                        rest -= block;
                        continue;
                    }

                    var entry = file.Optimizers[e];
                    var values = spaces[e].At(rest / seeds);
                    string configuration = SweepExpander.Configuration(file, objective, entry, values);
                    try
                    {
                        var resolved = TrialResolver.Resolve(SweepExpander.Spec(file, objective, entry, values, file.Seeds[(int)(rest % seeds)]), catalog);
                        return new SweepTrial(index, configuration, resolved, TrialIdentity.Hash(resolved)) { Timeout = entry.Timeout ?? file.Timeout };
                    }
                    catch (TrialConfigurationException problem)
                    {
                        throw new SweepException($"trial {index} ({configuration}): {string.Join("; ", problem.Errors)}");
                    }
                }
            }

            throw new InvalidOperationException($"trial {index} lies outside the sweep's {count} trials");
        }
    }

    /// <inheritdoc />
    public IEnumerator<SweepTrial> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
