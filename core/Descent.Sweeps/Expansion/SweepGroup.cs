namespace Descent.Sweeps.Expansion;

/// <summary>
/// A group of a sweep's trials with a run of its own between the parent and the trials' runs (a benchmark's
/// workload x optimizer): its run is a child of the parent, and its trials' runs are its children.
/// </summary>
/// <param name="Key">What identifies the group within its sweep (its run carries it as <c>descent.group</c>).</param>
/// <param name="Name">The group run's name, e.g. <c>fmnist-mlp / adam</c>.</param>
/// <param name="Tags">More tags for the group run (name, value).</param>
public sealed record SweepGroup(string Key, string Name, IReadOnlyList<KeyValuePair<string, string>> Tags);
