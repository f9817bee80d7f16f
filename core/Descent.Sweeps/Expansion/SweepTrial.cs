using Descent.Engine.Trials;
using Descent.Sweeps.Workers;

namespace Descent.Sweeps.Expansion;

/// <summary>One trial of a sweep.</summary>
/// <param name="Index">Position in the expanded list (stable for a given file and plugins).</param>
/// <param name="Configuration">The optimizer configuration it belongs to (all its seeds share it), e.g. <c>momentum lr=0.02 momentum=0.5</c>.</param>
/// <param name="Trial">The checked trial.</param>
/// <param name="Identity">The trial's identity hash (<see cref="TrialIdentity"/>).</param>
public sealed record SweepTrial(int Index, string Configuration, ResolvedTrial Trial, string Identity)
{
    /// <summary>The trial's name in listings and MLflow: <c>trial-0007 momentum lr=0.02 momentum=0.5 seed=3</c>.</summary>
    public string Name => $"trial-{Index:D4} {Configuration} seed={Trial.Seed}";

    /// <summary>The group whose run is this trial's parent (a benchmark's workload x optimizer); null: the sweep's parent.</summary>
    public SweepGroup? Group { get; init; }

    /// <summary>
    /// The trial's time limit from its experiment file (<c>timeout:</c> of its optimizer entry, else of the file); null for none.
    /// Not part of <see cref="Identity"/>: a limit says how long to wait, not what the trial computes.
    /// </summary>
    public TrialTimeLimit? Timeout { get; init; }

    /// <summary>More tags for the trial's run (name, value), e.g. a benchmark's study and phase.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];
}
