using Descent.Sweeps.Workers;

namespace Descent.Sweeps.Files;

/// <summary>An experiment file, parsed and frozen: the sweep it describes, before expansion into trials.</summary>
/// <param name="Path">Where it was read from.</param>
/// <param name="Text">Its text (logged with the sweep).</param>
/// <param name="Name">The experiment's name (the MLflow experiment by default).</param>
/// <param name="Description">What it is for.</param>
/// <param name="Objectives">The objectives every optimizer entry runs on (one, or a list to cross with the entries; entries may override).</param>
/// <param name="Dataset">The dataset, for data objectives.</param>
/// <param name="Training">Steps or epochs, batch size, dtype ...</param>
/// <param name="Seeds">Replicate seeds: every configuration runs once per seed.</param>
/// <param name="Search">Grid or random.</param>
/// <param name="Optimizers">The optimizer entries, in file order.</param>
/// <remarks>
/// A file with problems in its shape is still read as far as it goes, so that
/// <see cref="Expansion.SweepExpander.Expand"/> reports them together with what the plugins find: every
/// problem of a file in one pass.
/// </remarks>
public sealed record ExperimentFile(
    string Path,
    string Text,
    string Name,
    string Description,
    IReadOnlyList<ComponentSection> Objectives,
    ComponentSection? Dataset,
    TrainingSection Training,
    IReadOnlyList<long> Seeds,
    SearchSection Search,
    IReadOnlyList<OptimizerEntry> Optimizers)
{
    /// <summary>The learning-rate schedule every entry runs under (entries may override or add one); null for constant rates.</summary>
    public ComponentSection? Schedule { get; init; }

    /// <summary>
    /// The time limit of every trial (<c>timeout:</c>; an entry's own wins, <c>--trial-timeout</c> overrides both); null for none.
    /// Not part of any trial's identity.
    /// </summary>
    public TrialTimeLimit? Timeout { get; init; }

    /// <summary>
    /// The target of every trial (<c>target:</c>; an entry's own wins); null for none. A target that stops the trial is part of
    /// its identity, one that only measures is not (see <see cref="Engine.Targets.TrialTarget"/>).
    /// </summary>
    public Engine.Targets.TrialTarget? Target { get; init; }

    /// <summary>What reading found wrong with the file's shape, in file order; empty for a file that can run.</summary>
    public IReadOnlyList<ExperimentError> Problems { get; init; } = [];
}
